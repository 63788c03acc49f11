package io.invoq.application;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.QueueName;
import io.invoq.ports.in.PurgeQueueUseCase;
import io.invoq.ports.in.QueueStatusQuery;
import io.invoq.ports.out.FunctionRegistry;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueStats;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Reports and purges the broker's queues: the default one and any a registered function is queued on. */
public final class QueueAdministrationService implements QueueStatusQuery, PurgeQueueUseCase {

    private final FunctionRegistry registry;
    private final InvocationQueue queue;
    private final QueueName defaultQueue;

    public QueueAdministrationService(FunctionRegistry registry, InvocationQueue queue, QueueName defaultQueue) {
        this.registry = registry;
        this.queue = queue;
        this.defaultQueue = defaultQueue;
    }

    @Override
    public List<QueueStats> all() {
        return Stream.concat(Stream.of(defaultQueue), registry.list().stream().flatMap(this::queueOf))
                .distinct()
                .sorted(Comparator.comparing(QueueName::value))
                .map(queue::stats)
                .toList();
    }

    @Override
    public QueueStats of(QueueName name) {
        return queue.stats(name);
    }

    @Override
    public long purge(QueueName name) {
        return queue.purge(name);
    }

    /** A function whose queue annotation names no valid queue cannot have calls queued, so it adds none. */
    private Stream<QueueName> queueOf(FunctionDefinition function) {
        try {
            return Stream.of(function.queue(defaultQueue));
        } catch (IllegalArgumentException e) {
            return Stream.empty();
        }
    }
}
