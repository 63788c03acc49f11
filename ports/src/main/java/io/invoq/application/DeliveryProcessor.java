package io.invoq.application;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.domain.RetryAfterHeader;
import io.invoq.domain.RetryDecision;
import io.invoq.domain.RetryPolicy;
import io.invoq.ports.out.FunctionInvoker;
import io.invoq.ports.out.InvocationEvents;
import io.invoq.ports.out.TimeSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one delivery: invokes the function under a kept-alive lease, then either hands it
 * back for a later retry or finishes it with a callback and an ack. The broker holds deferred
 * calls back until their start time, so every delivery is an attempt.
 */
final class DeliveryProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryProcessor.class);
    private static final int NOT_FOUND = 404;

    private final WorkerSettings settings;
    private final FunctionDirectory functions;
    private final FunctionInvoker invoker;
    private final LeaseExtender leases;
    private final CallbackDispatcher callbacks;
    private final TimeSource time;
    private final InvocationEvents events;

    DeliveryProcessor(WorkerSettings settings, FunctionDirectory functions, FunctionInvoker invoker,
                      LeaseExtender leases, CallbackDispatcher callbacks, TimeSource time, InvocationEvents events) {
        this.settings = settings;
        this.functions = functions;
        this.invoker = invoker;
        this.leases = leases;
        this.callbacks = callbacks;
        this.time = time;
        this.events = events;
    }

    void process(ActiveCall call) {
        Invocation invocation = call.delivery().invocation();
        int attempt = call.delivery().deliveryCount();
        call.holdLease(leases.keepAlive(call.delivery()));
        Optional<FunctionDefinition> function = functions.resolve(invocation.function());
        if (function.isEmpty()) {
            InvocationResult missing = new InvocationResult(NOT_FOUND, Headers.EMPTY,
                    ("function '" + invocation.function() + "' is not registered").getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO);
            finish(call, attempt, settings.retryPolicy().maxAttempts(), missing, RetryDecision.Outcome.FAILED);
            return;
        }
        RetryPolicy policy = settings.retryPolicy().withAnnotations(function.get().annotations(),
                problem -> LOG.warn("function {}: {}", invocation.function(), problem));
        events.attemptStarted(invocation, attempt, Duration.between(invocation.notBefore(), time.now()));
        CompletableFuture<InvocationResult> request =
                invoker.invoke(function.get(), invocation, upstreamTimeout(function.get()));
        call.running(request);
        request.whenComplete((result, error) -> conclude(call, attempt, policy, error == null ? result
                : InvocationResult.unreachable(Duration.ZERO, "invoker failed: " + error)));
    }

    private void conclude(ActiveCall call, int attempt, RetryPolicy policy, InvocationResult result) {
        Invocation invocation = call.delivery().invocation();
        if (call.isSettled()) {
            events.attemptAbandoned(invocation, attempt);
            return;
        }
        RetryDecision decision = policy.decide(attempt, result.status(), retryAfter(result), ThreadLocalRandom.current()::nextDouble);
        events.attemptFinished(invocation, attempt, result, decision);
        if (decision instanceof RetryDecision.RetryAfter retry) {
            call.retryAfter(retry.delay());
        } else if (decision instanceof RetryDecision.Finish finish) {
            finish(call, attempt, policy.maxAttempts(), result, finish.outcome());
        }
    }

    private void finish(ActiveCall call, int attempt, int maxAttempts, InvocationResult result,
                        RetryDecision.Outcome outcome) {
        Invocation invocation = call.delivery().invocation();
        callbacks.dispatch(invocation, result, attempt, maxAttempts).thenRun(() -> {
            call.ack();
            events.callFinished(invocation, attempt, result.status(), outcome);
        });
    }

    private Optional<Duration> retryAfter(InvocationResult result) {
        return result.headers().first("Retry-After").flatMap(value -> RetryAfterHeader.parse(value, time.now()));
    }

    private Duration upstreamTimeout(FunctionDefinition function) {
        try {
            return function.upstreamTimeout().orElse(settings.upstreamTimeout());
        } catch (IllegalArgumentException e) {
            LOG.warn("function {}: {}='{}' is invalid; using {}", function.name(), FunctionDefinition.TIMEOUT_ANNOTATION,
                    function.annotations().get(FunctionDefinition.TIMEOUT_ANNOTATION), settings.upstreamTimeout());
            return settings.upstreamTimeout();
        }
    }
}
