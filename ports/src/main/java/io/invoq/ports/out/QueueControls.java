package io.invoq.ports.out;

import io.invoq.domain.FunctionName;
import io.invoq.domain.Pauses;
import io.invoq.domain.QueueName;
import io.invoq.domain.Rate;
import io.invoq.domain.ScalingMode;
import java.util.Optional;

/**
 * What the broker keeps about how a queue's calls may start, shared by every process of the queue
 * and surviving restarts: the scaling mode its workers use, its pauses, and each rate-limited
 * function's start budget.
 */
public interface QueueControls {

    /**
     * The scaling mode the queue's workers recorded, if any worker has taken its calls yet.
     *
     * @throws QueueUnavailableException when the broker cannot be reached
     */
    Optional<ScalingMode> scalingMode(QueueName queue);

    /**
     * What of the queue is paused now.
     *
     * @throws QueueUnavailableException when the broker cannot be reached
     */
    Pauses pauses(QueueName queue);

    /**
     * Pauses or resumes the whole queue ({@code function} empty) or one of its functions.
     *
     * @throws QueueUnavailableException when the broker cannot be reached
     */
    void setPaused(QueueName queue, Optional<FunctionName> function, boolean paused);

    /**
     * Takes up to {@code wanted} starts of the function from its shared budget, which refills at
     * {@code rate}; returns how many it got, possibly none.
     *
     * @throws QueueUnavailableException when the broker cannot be reached
     */
    int takeStarts(QueueName queue, FunctionName function, Rate rate, int wanted);

    /** Gives back starts taken and not used, so that other workers may use them; best effort. */
    void giveBackStarts(QueueName queue, FunctionName function, Rate rate, int unused);
}
