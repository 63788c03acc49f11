package io.invoq.adapter.http;

import io.invoq.domain.FunctionName;
import io.invoq.domain.QueueName;
import io.invoq.ports.in.PauseQueueUseCase;
import io.invoq.ports.in.PurgeQueueUseCase;
import io.invoq.ports.in.QueueStatus;
import io.invoq.ports.in.QueueStatusQuery;
import io.invoq.ports.out.QueueStats;
import io.invoq.ports.out.QueueUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Queues with the counts a test gives them, behind the queue use cases; a purge empties one of its
 * waiting calls, a pause marks the queue or a function paused.
 */
final class QueueBoard implements QueueStatusQuery, PurgeQueueUseCase, PauseQueueUseCase {

    private final Map<String, QueueStatus> queues = new ConcurrentSkipListMap<>();
    private volatile boolean brokerDown;

    void show(QueueStats stats) {
        show(new QueueStatus(stats, Optional.empty(), false, stats.pendingByFunction().entrySet().stream()
                .map(entry -> new QueueStatus.FunctionFlow(entry.getKey(), entry.getValue(), false, OptionalInt.empty(),
                        Optional.empty()))
                .sorted(java.util.Comparator.comparing(flow -> flow.name().value()))
                .toList()));
    }

    void show(QueueStatus status) {
        queues.put(status.stats().queue().value(), status);
    }

    void takeBrokerDown() {
        brokerDown = true;
    }

    @Override
    public List<QueueStatus> all() {
        requireBroker();
        return List.copyOf(queues.values());
    }

    @Override
    public QueueStatus of(QueueName queue) {
        requireBroker();
        return Optional.ofNullable(queues.get(queue.value()))
                .orElseGet(() -> new QueueStatus(new QueueStats(queue, 0, 0, Map.of()), Optional.empty(), false, List.of()));
    }

    @Override
    public long purge(QueueName queue) {
        QueueStats stats = of(queue).stats();
        show(new QueueStats(queue, stats.inFlight(), stats.inFlight(), Map.of()));
        return stats.pending() - stats.inFlight();
    }

    @Override
    public QueueStatus setPaused(QueueName queue, Optional<FunctionName> function, boolean paused) {
        QueueStatus status = of(queue);
        QueueStatus changed = function.isEmpty()
                ? new QueueStatus(status.stats(), status.scalingMode(), paused, status.functions())
                : new QueueStatus(status.stats(), status.scalingMode(), status.paused(), status.functions().stream()
                        .map(flow -> flow.name().equals(function.get()) ? new QueueStatus.FunctionFlow(flow.name(),
                                flow.pending(), paused, flow.maxConcurrency(), flow.rate()) : flow)
                        .toList());
        show(changed);
        return changed;
    }

    private void requireBroker() {
        if (brokerDown) {
            throw new QueueUnavailableException("broker down");
        }
    }
}
