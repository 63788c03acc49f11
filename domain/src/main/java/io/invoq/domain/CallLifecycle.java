package io.invoq.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The decisions of a call's life at a worker, from its delivery to its settlement; pure. A delivery
 * is one attempt: it {@linkplain #onDelivery starts} (or ends at once when its function is gone),
 * then the ledger's answer may {@linkplain #onLedgerAnswer abandon} it (cancelled, or already ended),
 * and the attempt's result decides {@linkplain #afterAttempt a retry or its end}. A failure inside
 * the worker {@linkplain #afterWorkerFailure counts as an attempt} too, so that nothing redelivers a
 * call without bound.
 *
 * @param defaults      the worker's retry policy, which a function's annotations override
 * @param upstreamTimeout the worker's per-attempt timeout, which a function's annotation overrides
 */
public record CallLifecycle(RetryPolicy defaults, Duration upstreamTimeout) {

    private static final int NOT_FOUND = 404;

    public CallLifecycle {
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(upstreamTimeout, "upstreamTimeout");
    }

    /** A call just delivered: start its attempt, or end it when its function is not known (any more). */
    public CallStep onDelivery(Invocation invocation, Optional<FunctionDefinition> function) {
        if (function.isEmpty()) {
            InvocationResult missing = new InvocationResult(NOT_FOUND, Headers.EMPTY,
                    ("function '" + invocation.function() + "' is not registered").getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO);
            return new CallStep.Finish(RetryDecision.Outcome.FAILED, missing, defaults.maxAttempts(), Optional.empty());
        }
        FunctionDefinition known = function.get();
        return new CallStep.Start(known, defaults.withAnnotations(known.settings()),
                known.upstreamTimeout().orElse(upstreamTimeout));
    }

    /**
     * Whether a redelivered call must be started at all: the ledger's record of it, {@code held}
     * before this attempt, may say that it was cancelled or has already ended. Empty: go on. A call
     * with a callback that has ended is run again all the same: its end is recorded before its
     * callback is sent, so a worker that stopped in between took the callback with it, and only a
     * second run can send it (at least once, never lost).
     */
    public static Optional<CallStep> onLedgerAnswer(Invocation invocation, Optional<CallRecord> held) {
        if (held.isEmpty() || !held.get().isOf(invocation)) {
            return Optional.empty();
        }
        CallState state = held.get().state();
        if (state == CallState.CANCELLED) {
            return Optional.of(new CallStep.Abandon(CallStep.Abandon.Why.CANCELLED));
        }
        return state.isFinal() && invocation.callbackUrl().isEmpty()
                ? Optional.of(new CallStep.Abandon(CallStep.Abandon.Why.ALREADY_ENDED)) : Optional.empty();
    }

    /**
     * What follows an attempt that ended with {@code result}: a retry after the policy's wait (or
     * the {@code Retry-After} the function asked for), or the call's end.
     */
    public static CallStep afterAttempt(int attempt, RetryPolicy policy, InvocationResult result, Instant now,
                                        DoubleSupplier random) {
        Optional<Duration> retryAfter = result.headers().first("Retry-After")
                .flatMap(value -> RetryAfterHeader.parse(value, now));
        RetryDecision decision = policy.decide(attempt, result.status(), retryAfter, random);
        if (decision instanceof RetryDecision.RetryAfter retry) {
            return new CallStep.Retry(retry.delay(), result.status());
        }
        return new CallStep.Finish(((RetryDecision.Finish) decision).outcome(), result, policy.maxAttempts(),
                Optional.empty());
    }

    /**
     * What follows an attempt that failed inside the worker, before or after its function ran: a
     * retry after the worker's back-off, or, once its attempts are exhausted, its end as a dead
     * letter saying why.
     */
    public CallStep afterWorkerFailure(int attempt, String failure, DoubleSupplier random) {
        RetryDecision decision = defaults.afterWorkerFailure(attempt, random);
        if (decision instanceof RetryDecision.RetryAfter retry) {
            return new CallStep.Retry(retry.delay(), InvocationResult.WORKER_FAILED);
        }
        String reason = "failed in the worker: " + failure;
        return new CallStep.Finish(RetryDecision.Outcome.EXHAUSTED, InvocationResult.workerFailed(reason),
                defaults.maxAttempts(), Optional.of(reason));
    }
}
