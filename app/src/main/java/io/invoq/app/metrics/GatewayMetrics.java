package io.invoq.app.metrics;

import io.invoq.domain.FunctionName;
import io.invoq.ports.out.FunctionInvocationCounts;
import io.invoq.ports.out.GatewayRequestEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Times the gateway's requests by route template, method and status, under invoq's name and under
 * the OpenFaaS gateway's ({@code http_requests_total}, {@code http_request_duration_seconds}, the
 * route template as {@code path}); and counts and times the functions it invokes as the OpenFaaS
 * gateway does ({@code gateway_function_invocation_total}, {@code gateway_functions_seconds}).
 */
final class GatewayMetrics implements GatewayRequestEvents, FunctionInvocationCounts {

    private static final String REQUEST_DURATION = "invoq_gateway_request_duration";
    private static final String OPENFAAS_REQUESTS = "http_requests";
    private static final String OPENFAAS_REQUEST_DURATION = "http_request_duration";
    private static final String FUNCTION_INVOCATIONS = "gateway_function_invocation";
    private static final String FUNCTION_DURATION = "gateway_functions";

    private record Request(String route, String method, int status) {
    }

    private record RequestMeters(Timer invoq, Timer openFaas, Counter openFaasCount) {
    }

    private record Invocation(FunctionName function, int status) {
    }

    private record InvocationMeters(Counter count, Timer duration) {
    }

    private final MeterRegistry registry;
    /** Route templates, methods, statuses and functions are few, so meters are looked up once each, not per request. */
    private final Map<Request, RequestMeters> requests = new ConcurrentHashMap<>();
    private final Map<Invocation, InvocationMeters> invocations = new ConcurrentHashMap<>();
    private final Map<FunctionName, LongAdder> invocationsByFunction = new ConcurrentHashMap<>();

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void requestHandled(String route, String method, int status, Duration took) {
        RequestMeters meters = requests.computeIfAbsent(new Request(route, method, status), this::metersOf);
        meters.invoq().record(took);
        meters.openFaas().record(took);
        meters.openFaasCount().increment();
    }

    @Override
    public void functionInvoked(FunctionName function, int status, Duration took) {
        InvocationMeters meters = invocations.computeIfAbsent(new Invocation(function, status), this::metersOf);
        meters.count().increment();
        meters.duration().record(took);
        invocationsByFunction.computeIfAbsent(function, name -> new LongAdder()).increment();
    }

    @Override
    public long invocations(FunctionName function) {
        LongAdder count = invocationsByFunction.get(function);
        return count == null ? 0 : count.sum();
    }

    private RequestMeters metersOf(Request request) {
        String code = Integer.toString(request.status());
        return new RequestMeters(
                Timer.builder(REQUEST_DURATION)
                        .description("Requests the gateway answered, by route template, method and status")
                        .tag(Labels.ROUTE, request.route()).tag(Labels.METHOD, request.method()).tag(Labels.CODE, code)
                        .serviceLevelObjectives(Buckets.REQUESTS)
                        .register(registry),
                Timer.builder(OPENFAAS_REQUEST_DURATION)
                        .description("Seconds spent serving HTTP requests (the OpenFaaS gateway's), path being the route template")
                        .tag(Labels.PATH, request.route()).tag(Labels.METHOD, request.method()).tag(Labels.CODE, code)
                        .serviceLevelObjectives(Buckets.REQUESTS)
                        .register(registry),
                Counter.builder(OPENFAAS_REQUESTS)
                        .description("HTTP requests processed (the OpenFaaS gateway's), path being the route template")
                        .tag(Labels.PATH, request.route()).tag(Labels.METHOD, request.method()).tag(Labels.CODE, code)
                        .register(registry));
    }

    private InvocationMeters metersOf(Invocation invocation) {
        String code = Integer.toString(invocation.status());
        return new InvocationMeters(
                Counter.builder(FUNCTION_INVOCATIONS)
                        .description("Function invocations through the gateway: synchronous by the function's status, "
                                + "asynchronous by their 202")
                        .tags(Labels.of(invocation.function())).tag(Labels.CODE, code)
                        .register(registry),
                Timer.builder(FUNCTION_DURATION)
                        .description("Duration of function invocations through the gateway: a synchronous call's, "
                                + "or the time an asynchronous one took to queue")
                        .tags(Labels.of(invocation.function())).tag(Labels.CODE, code)
                        .serviceLevelObjectives(Buckets.CALLS)
                        .register(registry));
    }
}
