package io.invoq.ports.in;

import io.invoq.domain.FunctionName;
import io.invoq.domain.Rate;
import io.invoq.domain.ScalingMode;
import io.invoq.ports.out.QueueStats;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a queue stands: what the broker holds, how its workers take its calls and what of it is paused.
 *
 * @param scalingMode the mode its workers recorded; empty when no worker has taken its calls yet
 * @param functions   its functions with calls pending, registered on it, or paused, by name
 */
public record QueueStatus(QueueStats stats, Optional<ScalingMode> scalingMode, boolean paused,
                          List<FunctionFlow> functions) {

    public QueueStatus {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(scalingMode, "scalingMode");
        functions = List.copyOf(functions);
    }

    /**
     * One function of the queue.
     *
     * @param maxConcurrency the most of its calls running at once across the queue's workers, if bounded
     * @param rate           the most of its calls started per period across the queue's workers, if limited
     */
    public record FunctionFlow(FunctionName name, long pending, boolean paused, OptionalInt maxConcurrency,
                               Optional<Rate> rate) {
    }
}
