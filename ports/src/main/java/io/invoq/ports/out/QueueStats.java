package io.invoq.ports.out;

import io.invoq.domain.FunctionName;
import io.invoq.domain.QueueName;
import java.util.Map;

/**
 * Counts for one queue.
 *
 * @param pending           messages stored and not settled: waiting, delayed or in flight
 * @param inFlight          messages delivered and not yet settled
 * @param pendingByFunction {@code pending} split by function
 */
public record QueueStats(QueueName queue, long pending, long inFlight, Map<FunctionName, Long> pendingByFunction) {

    public QueueStats {
        pendingByFunction = Map.copyOf(pendingByFunction);
    }
}
