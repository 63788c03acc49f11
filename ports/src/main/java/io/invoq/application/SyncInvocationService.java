package io.invoq.application;

import io.invoq.domain.CallId;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.domain.QueueName;
import io.invoq.ports.in.InvokeFunctionCommand;
import io.invoq.ports.in.InvokeFunctionUseCase;
import io.invoq.ports.in.UnknownFunctionException;
import io.invoq.ports.out.FunctionInvoker;
import io.invoq.ports.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Calls a function at once, wherever the registry or {@code upstream_url} says it lives, and hands back its answer. */
public final class SyncInvocationService implements InvokeFunctionUseCase {

    private final FunctionDirectory functions;
    private final FunctionInvoker invoker;
    private final QueueName defaultQueue;
    private final Duration upstreamTimeout;
    private final TimeSource time;

    public SyncInvocationService(FunctionDirectory functions, FunctionInvoker invoker, QueueName defaultQueue,
                                 Duration upstreamTimeout, TimeSource time) {
        this.functions = functions;
        this.invoker = invoker;
        this.defaultQueue = defaultQueue;
        this.upstreamTimeout = upstreamTimeout;
        this.time = time;
    }

    @Override
    public CompletableFuture<InvocationResult> invoke(InvokeFunctionCommand command) {
        FunctionDefinition function = functions.resolve(command.function())
                .orElseThrow(() -> new UnknownFunctionException(command.function()));
        Instant now = time.now();
        // never queued: the default queue only stands in for the queue every invocation names
        Invocation invocation = new Invocation(command.callId().orElseGet(CallId::generate), function.name(),
                defaultQueue, command.method(), command.path(), command.query(), command.headers(), command.body(),
                Optional.empty(), now, now);
        return invoker.invoke(function, invocation, function.upstreamTimeout().orElse(upstreamTimeout));
    }
}
