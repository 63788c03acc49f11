package io.invoq.app.metrics;

import io.invoq.ports.out.GatewayRequestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Times the gateway's requests by route template, method and status; the count is the histogram's. */
final class GatewayMetrics implements GatewayRequestEvents {

    private static final String REQUEST_DURATION = "invoq_gateway_request_duration";

    private record Request(String route, String method, int status) {
    }

    private final MeterRegistry registry;
    /** Route templates, methods and statuses are few, so a timer is looked up once each, not per request. */
    private final Map<Request, Timer> timers = new ConcurrentHashMap<>();

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void requestHandled(String route, String method, int status, Duration took) {
        timers.computeIfAbsent(new Request(route, method, status), this::timerOf).record(took);
    }

    private Timer timerOf(Request request) {
        return Timer.builder(REQUEST_DURATION)
                .description("Requests the gateway answered, by route template, method and status")
                .tag(Labels.ROUTE, request.route()).tag(Labels.METHOD, request.method())
                .tag(Labels.CODE, Integer.toString(request.status()))
                .serviceLevelObjectives(Buckets.REQUESTS)
                .register(registry);
    }
}
