package io.invoq.adapter.http;

import io.invoq.ports.in.ReadinessQuery;
import io.invoq.ports.in.ReadinessQuery.Readiness;
import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.Objects;

/** {@code /healthz}: the process is alive; {@code /readyz}: it should be sent work. */
final class HealthRoutes implements GatewayRoutes {

    private final ReadinessQuery readiness;

    HealthRoutes(ReadinessQuery readiness) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/healthz", ctx -> JsonBody.write(ctx, 200, Map.of("status", "ok")));
        routes.get("/readyz", ctx -> {
            Readiness now = readiness.readiness();
            JsonBody.write(ctx, now.ready() ? 200 : 503, now);
        });
    }
}
