package io.invoq.adapter.http;

import io.invoq.domain.FunctionName;
import io.invoq.domain.FunctionNamespace;
import io.invoq.ports.out.GatewayRequestEvents;
import java.time.Duration;

/** Reports a function the gateway invoked under its plain name, the one its metrics and listing show. */
record InvocationReport(GatewayRequestEvents events, FunctionNamespace namespace) {

    void invoked(FunctionName addressed, int status, Duration took) {
        events.functionInvoked(namespace.withoutSuffix(addressed).orElse(addressed), status, took);
    }
}
