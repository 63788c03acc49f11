package io.invoq.application;

import io.invoq.domain.CallbackFailure;
import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.domain.RetryDecision;
import io.invoq.domain.RetryPolicy;
import io.invoq.ports.out.Callback;
import io.invoq.ports.out.CallbackSender;
import io.invoq.ports.out.InvocationEvents;
import io.invoq.ports.out.Scheduler;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a finished call's callback, retrying with back-off under its own policy; a callback
 * that still fails is reported, never silently dropped, and never causes the function to run again.
 */
public final class CallbackDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);

    private static final CompletableFuture<Optional<CallbackFailure>> NOTHING_TO_SEND =
            CompletableFuture.completedFuture(Optional.empty());

    private final CallbackSender sender;
    private final RetryPolicy policy;
    private final Scheduler scheduler;
    private final InvocationEvents events;
    private final AtomicInteger awaitingRetry = new AtomicInteger();

    public CallbackDispatcher(CallbackSender sender, RetryPolicy policy, Scheduler scheduler, InvocationEvents events) {
        this.sender = sender;
        this.policy = policy;
        this.scheduler = scheduler;
        this.events = events;
    }

    /**
     * Completes, never exceptionally, once the callback was delivered (empty) or given up on (how it
     * failed); at once, empty, for a call without a callback.
     */
    CompletableFuture<Optional<CallbackFailure>> dispatch(Invocation invocation, InvocationResult result, int attempt,
                                                          int maxAttempts) {
        if (invocation.callbackUrl().isEmpty()) {
            return NOTHING_TO_SEND;
        }
        CompletableFuture<Optional<CallbackFailure>> done = new CompletableFuture<>();
        send(invocation, CallbackComposer.compose(invocation.callbackUrl().get(), invocation, result, attempt, maxAttempts),
                1, done);
        return done;
    }

    private void send(Invocation invocation, Callback callback, int attempt,
                      CompletableFuture<Optional<CallbackFailure>> done) {
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
                scheduler.schedule(retry.delay(), () -> {
                    awaitingRetry.decrementAndGet();
                    send(invocation, callback, attempt + 1, done);
                });
                // counted once scheduled, so that who counts finds the retry on the scheduler
                awaitingRetry.incrementAndGet();
                return;
            }
            if (decision instanceof RetryDecision.Finish finish && finish.outcome() != RetryDecision.Outcome.SUCCEEDED) {
                String reason = error == null ? "callback answered " + code : "callback unreachable: " + cause(error);
                LOG.warn("giving up on the callback of call {} after {} attempts: {}", invocation.callId(), attempt, reason);
                events.callbackFailed(invocation, reason);
                done.complete(Optional.of(new CallbackFailure(scheduler.now(), reason)));
                return;
            }
            done.complete(Optional.empty());
        });
    }

    /**
     * Callbacks that wait for their next attempt: their calls are held, yet nothing happens to them
     * until the scheduler's time has passed their back-off.
     */
    public int awaitingRetry() {
        return awaitingRetry.get();
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
