package io.invoq.adapter.http;

import io.invoq.domain.QueueName;
import io.invoq.ports.in.PurgeQueueUseCase;
import io.invoq.ports.in.QueueStatusQuery;
import io.invoq.ports.out.QueueStats;
import io.invoq.ports.out.QueueUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Queues with the counts a test gives them, behind the queue use cases; a purge empties one of its waiting calls. */
final class QueueBoard implements QueueStatusQuery, PurgeQueueUseCase {

    private final Map<String, QueueStats> queues = new ConcurrentSkipListMap<>();
    private volatile boolean brokerDown;

    void show(QueueStats stats) {
        queues.put(stats.queue().value(), stats);
    }

    void takeBrokerDown() {
        brokerDown = true;
    }

    @Override
    public List<QueueStats> all() {
        requireBroker();
        return List.copyOf(queues.values());
    }

    @Override
    public QueueStats of(QueueName queue) {
        requireBroker();
        return Optional.ofNullable(queues.get(queue.value())).orElseGet(() -> new QueueStats(queue, 0, 0, Map.of()));
    }

    @Override
    public long purge(QueueName queue) {
        QueueStats stats = of(queue);
        queues.put(queue.value(), new QueueStats(queue, stats.inFlight(), stats.inFlight(), Map.of()));
        return stats.pending() - stats.inFlight();
    }

    private void requireBroker() {
        if (brokerDown) {
            throw new QueueUnavailableException("broker down");
        }
    }
}
