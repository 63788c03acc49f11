package io.invoq.application;

import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.domain.RetryDecision;
import io.invoq.domain.RetryPolicy;
import io.invoq.ports.out.Callback;
import io.invoq.ports.out.CallbackSender;
import io.invoq.ports.out.InvocationEvents;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a finished call's callback, retrying with back-off under its own policy; a callback
 * that still fails is reported, never silently dropped, and never causes the function to run again.
 */
final class CallbackDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);

    private final CallbackSender sender;
    private final RetryPolicy policy;
    private final ScheduledExecutorService timer;
    private final InvocationEvents events;

    CallbackDispatcher(CallbackSender sender, RetryPolicy policy, ScheduledExecutorService timer, InvocationEvents events) {
        this.sender = sender;
        this.policy = policy;
        this.timer = timer;
        this.events = events;
    }

    /** Completes, never exceptionally, once the callback was delivered or given up on. */
    CompletableFuture<Void> dispatch(Invocation invocation, InvocationResult result, int attempt, int maxAttempts) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        invocation.callbackUrl().ifPresentOrElse(
                url -> send(invocation, CallbackComposer.compose(url, invocation, result, attempt, maxAttempts), 1, done),
                () -> done.complete(null));
        return done;
    }

    private void send(Invocation invocation, Callback callback, int attempt, CompletableFuture<Void> done) {
        CompletableFuture<Integer> sent;
        try {
            sent = sender.send(callback);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((status, error) -> {
            int code = error == null ? status : InvocationResult.UNREACHABLE;
            RetryDecision decision = policy.decide(attempt, code, Optional.empty(), ThreadLocalRandom.current()::nextDouble);
            if (decision instanceof RetryDecision.RetryAfter retry) {
                LOG.debug("callback for call {} answered {}; retrying in {}", invocation.callId(), code, retry.delay());
                timer.schedule(() -> send(invocation, callback, attempt + 1, done),
                        retry.delay().toNanos(), TimeUnit.NANOSECONDS);
                return;
            }
            if (decision instanceof RetryDecision.Finish finish && finish.outcome() != RetryDecision.Outcome.SUCCEEDED) {
                String reason = error == null ? "callback answered " + code : "callback unreachable: " + error;
                LOG.warn("giving up on the callback of call {} after {} attempts: {}", invocation.callId(), attempt, reason);
                events.callbackFailed(invocation, reason);
            }
            done.complete(null);
        });
    }
}
