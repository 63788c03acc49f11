package io.invoq.application;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Pauses;
import io.invoq.domain.QueueName;
import io.invoq.ports.in.PauseQueueUseCase;
import io.invoq.ports.in.PurgeQueueUseCase;
import io.invoq.ports.in.QueueStatus;
import io.invoq.ports.in.QueueStatusQuery;
import io.invoq.ports.out.FunctionRegistry;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueControls;
import io.invoq.ports.out.QueueStats;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reports, pauses and purges the broker's queues: the default one and any a registered function is
 * queued on.
 */
public final class QueueAdministrationService implements QueueStatusQuery, PurgeQueueUseCase, PauseQueueUseCase {

    private final FunctionRegistry registry;
    private final InvocationQueue queue;
    private final QueueControls controls;
    private final QueueName defaultQueue;
    private final int defaultMaxConcurrency;

    /** @param defaultMaxConcurrency the bound of a function without its own, {@link FlowSettings#UNBOUNDED} for none */
    public QueueAdministrationService(FunctionRegistry registry, InvocationQueue queue, QueueControls controls,
                                      QueueName defaultQueue, int defaultMaxConcurrency) {
        this.registry = registry;
        this.queue = queue;
        this.controls = controls;
        this.defaultQueue = defaultQueue;
        this.defaultMaxConcurrency = defaultMaxConcurrency;
    }

    @Override
    public List<QueueStatus> all() {
        List<FunctionDefinition> functions = registry.list();
        return Stream.concat(Stream.of(defaultQueue), functions.stream().flatMap(this::queueOf))
                .distinct()
                .sorted(Comparator.comparing(QueueName::value))
                .map(name -> status(name, functions))
                .toList();
    }

    @Override
    public QueueStatus of(QueueName name) {
        return status(name, registry.list());
    }

    @Override
    public long purge(QueueName name) {
        return queue.purge(name);
    }

    @Override
    public QueueStatus setPaused(QueueName name, Optional<FunctionName> function, boolean paused) {
        controls.setPaused(name, function, paused);
        return of(name);
    }

    private QueueStatus status(QueueName name, List<FunctionDefinition> registered) {
        QueueStats stats = queue.stats(name);
        Pauses pauses = controls.pauses(name);
        Map<FunctionName, FunctionDefinition> onQueue = registered.stream()
                .filter(function -> queueOf(function).anyMatch(name::equals))
                .collect(Collectors.toMap(FunctionDefinition::name, function -> function));
        Set<FunctionName> names = new TreeSet<>(Comparator.comparing(FunctionName::value));
        names.addAll(stats.pendingByFunction().keySet());
        names.addAll(onQueue.keySet());
        names.addAll(pauses.functions());
        List<QueueStatus.FunctionFlow> functions = names.stream()
                .map(function -> flow(function, stats, pauses, Optional.ofNullable(onQueue.get(function))))
                .toList();
        return new QueueStatus(stats, controls.scalingMode(name), pauses.queue(), functions);
    }

    private QueueStatus.FunctionFlow flow(FunctionName function, QueueStats stats, Pauses pauses,
                                         Optional<FunctionDefinition> definition) {
        OptionalInt bound = definition.map(FunctionDefinition::maxConcurrency).orElse(OptionalInt.empty());
        if (bound.isEmpty() && defaultMaxConcurrency != FlowSettings.UNBOUNDED) {
            bound = OptionalInt.of(defaultMaxConcurrency);
        }
        return new QueueStatus.FunctionFlow(function, stats.pendingByFunction().getOrDefault(function, 0L),
                pauses.functions().contains(function), bound, definition.flatMap(FunctionDefinition::rate));
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
