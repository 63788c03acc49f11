package io.invoq.app.metrics;

import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.InvocationEvents;
import io.invoq.ports.out.InvocationQueue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages each queue's broker holds for each function, as the broker counts them when
 * {@link #refresh()} asks. A function this process has seen shows 0 once nothing of it is pending;
 * while the broker cannot be reached, its queues show nothing rather than old counts. The queues
 * are the configured one and those this process has seen calls of.
 */
final class PendingMessages implements InvocationEvents {

    private static final String PENDING = "queue_worker_pending_messages";
    private static final Logger LOG = LoggerFactory.getLogger(PendingMessages.class);

    private final InvocationQueue broker;
    private final Map<QueueName, Set<FunctionName>> seen = new ConcurrentHashMap<>();
    private final MultiGauge gauge;

    PendingMessages(MeterRegistry registry, InvocationQueue broker, QueueName configuredQueue) {
        this.broker = broker;
        this.gauge = MultiGauge.builder(PENDING)
                .description("Messages the broker holds: waiting, delayed or in flight")
                .register(registry);
        functionsOf(configuredQueue);
    }

    @Override
    public void submitted(Invocation invocation, boolean duplicate) {
        functionsOf(invocation.queue()).add(invocation.function());
    }

    @Override
    public void attemptStarted(Invocation invocation, int attempt, Duration waited) {
        functionsOf(invocation.queue()).add(invocation.function());
    }

    /** Reads the counts from the broker now. */
    synchronized void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        seen.forEach((queue, functions) -> {
            try {
                Map<FunctionName, Long> pending = broker.stats(queue).pendingByFunction();
                functions.addAll(pending.keySet());
                functions.forEach(function ->
                        rows.add(MultiGauge.Row.of(Labels.of(queue, function), pending.getOrDefault(function, 0L))));
            } catch (RuntimeException e) {
                LOG.debug("cannot count the pending messages of queue {}: {}", queue, e.getMessage());
            }
        });
        gauge.register(rows, true);
    }

    private Set<FunctionName> functionsOf(QueueName queue) {
        return seen.computeIfAbsent(queue, key -> ConcurrentHashMap.newKeySet());
    }
}
