package io.invoq.app.metrics;

import io.invoq.ports.out.GatewayRequestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Times the gateway's requests by route template, method and status; the count is the histogram's. */
final class GatewayMetrics implements GatewayRequestEvents {

    private static final String REQUEST_DURATION = "invoq_gateway_request_duration";

    private final MeterRegistry registry;

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void requestHandled(String route, String method, int status, Duration took) {
        Timer.builder(REQUEST_DURATION)
                .description("Requests the gateway answered, by route template, method and status")
                .tag(Labels.ROUTE, route).tag(Labels.METHOD, method).tag(Labels.CODE, Integer.toString(status))
                .serviceLevelObjectives(Buckets.REQUESTS)
                .register(registry)
                .record(took);
    }
}
