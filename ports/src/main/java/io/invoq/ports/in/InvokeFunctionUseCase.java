package io.invoq.ports.in;

import io.invoq.domain.InvocationResult;
import java.util.concurrent.CompletableFuture;

/** Calls a function synchronously, once, with no queue, retry nor callback: the gateway's {@code /function/{name}}. */
@FunctionalInterface
public interface InvokeFunctionUseCase {

    /**
     * Completes with the function's answer, or a result whose {@link InvocationResult#origin()} says
     * that it could not be reached or did not answer within its upstream timeout.
     *
     * @throws UnknownFunctionException when the function is neither registered nor reachable upstream
     */
    CompletableFuture<InvocationResult> invoke(InvokeFunctionCommand command);
}
