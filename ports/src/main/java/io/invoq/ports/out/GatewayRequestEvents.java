package io.invoq.ports.out;

import io.invoq.domain.FunctionName;
import java.time.Duration;

/** What the gateway answered, for metrics. Implementations must be fast and must not throw. */
@FunctionalInterface
public interface GatewayRequestEvents {

    /** The route of a request that matched no endpoint. */
    String UNMATCHED = "unmatched";

    GatewayRequestEvents NONE = (route, method, status, took) -> { };

    /**
     * A request was answered.
     *
     * @param route the route template that matched, e.g. {@code /async-function/{name}}, never the raw
     *              path, so that it names one of a few routes; {@link #UNMATCHED} when none matched
     */
    void requestHandled(String route, String method, int status, Duration took);

    /**
     * The gateway invoked a function, as the OpenFaaS gateway counts invocations: a synchronous call
     * with the function's status and duration, or an asynchronous one with its {@code 202} and the
     * time it took to queue it.
     *
     * @param function the function's plain name, without its namespace
     */
    default void functionInvoked(FunctionName function, int status, Duration took) {
    }
}
