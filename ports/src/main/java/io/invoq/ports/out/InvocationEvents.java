package io.invoq.ports.out;

import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.domain.RetryDecision;
import java.time.Duration;

/**
 * What happens to calls, for metrics and logs. Every method has a default that does nothing, so
 * a listener implements only what it needs. Implementations must be fast and must not throw.
 */
public interface InvocationEvents {

    InvocationEvents NONE = new InvocationEvents() {
    };

    default void submitted(Invocation invocation, boolean duplicate) {
    }

    /** An attempt starts; {@code waited} is the time from acceptance to this start. */
    default void attemptStarted(Invocation invocation, int attempt, Duration waited) {
    }

    default void attemptFinished(Invocation invocation, int attempt, InvocationResult result, RetryDecision decision) {
    }

    /**
     * An attempt was cut short, without a result: its delivery was handed back to the broker, e.g. by
     * a shutdown, and the broker will deliver the call again; or its call was cancelled.
     */
    default void attemptAbandoned(Invocation invocation, int attempt) {
    }

    /**
     * A worker found the call cancelled and acked its delivery, so that it ends without a callback:
     * before the attempt started, while it ran (the attempt is abandoned), or once it had finished,
     * instead of a retry or a callback.
     *
     * @param attempt the attempt the delivery was for
     */
    default void callCancelled(Invocation invocation, int attempt) {
    }

    /** A call ended for good, its callback sent or given up on: it succeeded, failed or exhausted its retries. */
    default void callFinished(Invocation invocation, int attempts, int status, RetryDecision.Outcome outcome) {
    }

    default void callbackFailed(Invocation invocation, String reason) {
    }
}
