package io.invoq.app.metrics;

import io.invoq.application.FlowControlledQueue;
import io.invoq.domain.QueueName;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's flow control per function of its queue, as it stands when {@link #refresh()} asks: the
 * function's concurrency bound across all workers, and how many of its calls this worker may hold at
 * once now (adaptive concurrency lowers it while the function pushes back). Functions appear once the
 * worker has taken their calls in function mode.
 */
final class FlowMetrics {

    private static final String LIMIT = "invoq_function_concurrency_limit";
    private static final String ADAPTIVE = "invoq_function_adaptive_concurrency";

    private final FlowControlledQueue flow;
    private final QueueName queue;
    private final MultiGauge limits;
    private final MultiGauge adaptive;

    FlowMetrics(MeterRegistry registry, FlowControlledQueue flow, QueueName queue) {
        this.flow = flow;
        this.queue = queue;
        this.limits = MultiGauge.builder(LIMIT)
                .description("Most calls of the function running at once across all workers of the queue; 0: no bound")
                .register(registry);
        this.adaptive = MultiGauge.builder(ADAPTIVE)
                .description("Calls of the function this worker may hold at once now")
                .register(registry);
    }

    synchronized void refresh() {
        List<MultiGauge.Row<?>> limitRows = new ArrayList<>();
        List<MultiGauge.Row<?>> adaptiveRows = new ArrayList<>();
        flow.limits().forEach((function, limit) -> {
            limitRows.add(MultiGauge.Row.of(Labels.of(queue, function), limit.bound()));
            adaptiveRows.add(MultiGauge.Row.of(Labels.of(queue, function), limit.current()));
        });
        limits.register(limitRows, true);
        adaptive.register(adaptiveRows, true);
    }
}
