package io.invoq.ports.in;

import io.invoq.domain.FunctionName;
import io.invoq.domain.QueueName;
import java.util.Optional;

/**
 * Pauses or resumes a queue, or one function of it: a paused call is still accepted and kept, and no
 * worker starts it until it is resumed; calls already running finish.
 */
@FunctionalInterface
public interface PauseQueueUseCase {

    /** @param function empty for the whole queue; @return the queue's status afterwards */
    QueueStatus setPaused(QueueName queue, Optional<FunctionName> function, boolean paused);
}
