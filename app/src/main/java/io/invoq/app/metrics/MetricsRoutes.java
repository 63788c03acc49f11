package io.invoq.app.metrics;

import io.invoq.adapter.http.GatewayRoutes;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /metrics}: every meter in the Prometheus text format, the pending counts read from the broker and the flow limits first. */
final class MetricsRoutes implements GatewayRoutes {

    /** The format {@link PrometheusMeterRegistry#scrape()} writes. */
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final PendingMessages pending;
    private final FlowMetrics flow;

    MetricsRoutes(PrometheusMeterRegistry registry, PendingMessages pending, FlowMetrics flow) {
        this.registry = registry;
        this.pending = pending;
        this.flow = flow;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/metrics", ctx -> {
            pending.refresh();
            flow.refresh();
            ctx.contentType(CONTENT_TYPE).result(registry.scrape());
        });
    }
}
