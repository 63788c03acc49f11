package io.invoq.ports.out;

import io.invoq.domain.FunctionName;

/** How often this gateway invoked each function, as {@link GatewayRequestEvents#functionInvoked} reported. */
@FunctionalInterface
public interface FunctionInvocationCounts {

    FunctionInvocationCounts NONE = function -> 0;

    long invocations(FunctionName function);
}
