package io.invoq.ports.out;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Calls a function once. */
@FunctionalInterface
public interface FunctionInvoker {

    /**
     * Sends the invocation's method, path suffix, query, headers and body to the function.
     * The future always completes with a result: an unreachable function is status 503, no answer
     * within {@code timeout} is 504. Cancelling the future aborts the request.
     */
    CompletableFuture<InvocationResult> invoke(FunctionDefinition function, Invocation invocation, Duration timeout);
}
