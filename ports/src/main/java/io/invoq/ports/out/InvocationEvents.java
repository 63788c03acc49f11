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

    /** A call ended for good: succeeded, failed, exhausted its retries or was rejected. */
    default void callFinished(Invocation invocation, int attempts, int status) {
    }

    default void callbackFailed(Invocation invocation, String reason) {
    }
}
