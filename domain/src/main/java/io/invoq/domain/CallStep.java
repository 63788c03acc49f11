package io.invoq.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a worker does next with a call it holds, as {@link CallLifecycle} decides it. The worker
 * carries a step out and asks the life cycle for the next one; it decides nothing itself.
 */
public sealed interface CallStep {

    /** Run an attempt of the function, under this policy and timeout. */
    record Start(FunctionDefinition function, RetryPolicy policy, Duration timeout) implements CallStep {

        public Start {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** Settle the delivery for good without running, retrying or calling back anything. */
    record Abandon(Why why) implements CallStep {

        public Abandon {
            Objects.requireNonNull(why, "why");
        }

        public enum Why {
            /** The call was cancelled. */
            CANCELLED,
            /** The call had already ended, and this is a redelivery of it, e.g. after a worker died before its ack. */
            ALREADY_ENDED
        }
    }

    /** Hand the call back to the broker, to be delivered again once {@code delay} has passed. */
    record Retry(Duration delay, int status) implements CallStep {

        public Retry {
            Objects.requireNonNull(delay, "delay");
        }

        /** The step the call ledger records. */
        public CallChange change(Invocation invocation, int attempt, Instant at) {
            return CallChange.retryScheduled(invocation, attempt, status, at);
        }
    }

    /**
     * End the call with {@code outcome}: record it, keep it as a dead letter unless it succeeded,
     * send its callback with {@code result}, and settle the delivery.
     *
     * @param maxAttempts the attempts it was allowed, for its callback
     * @param reason      why it ended so, when {@code result}'s status does not tell
     */
    record Finish(RetryDecision.Outcome outcome, InvocationResult result, int maxAttempts, Optional<String> reason)
            implements CallStep {

        public Finish {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(reason, "reason");
        }

        public boolean succeeded() {
            return outcome == RetryDecision.Outcome.SUCCEEDED;
        }

        /** The step the call ledger records. */
        public CallChange change(Invocation invocation, int attempt, Instant at) {
            return reason.isPresent()
                    ? CallChange.ended(invocation, outcome, attempt, result.status(), reason.get(), at)
                    : CallChange.ended(invocation, outcome, attempt, result.status(), at);
        }
    }
}
