package io.invoq.app.metrics;

import io.invoq.adapter.http.GatewayRoutes;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /metrics}: every meter in the Prometheus text format, the pending counts read from the broker first. */
final class MetricsRoutes implements GatewayRoutes {

    /** The format {@link PrometheusMeterRegistry#scrape()} writes. */
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final PendingMessages pending;

    MetricsRoutes(PrometheusMeterRegistry registry, PendingMessages pending) {
        this.registry = registry;
        this.pending = pending;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/metrics", ctx -> {
            pending.refresh();
            ctx.contentType(CONTENT_TYPE).result(registry.scrape());
        });
    }
}
