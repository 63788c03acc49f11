package io.invoq.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One step in a call's life, as the call ledger applies it to the record it holds. Steps are
 * written by several processes and may arrive late, so each applies only when it moves the call
 * on: a final state is never left, and a record of an earlier call of the same function made under
 * the same id (one resubmitted after the duplicate window) is replaced by any step of the later one;
 * a call of another function under that id never replaces it.
 */
public sealed interface CallChange {

    /** The record after this step, or empty when the step does not apply to what the ledger {@code holds}. */
    Optional<CallRecord> applyTo(Optional<CallRecord> holds);

    /** Whether this is a call's first step, its acceptance, which the ledger most likely holds nothing before. */
    boolean isFirstStep();

    static CallChange accepted(Invocation invocation) {
        return new Progress(CallRecord.queued(invocation));
    }

    static CallChange attemptStarted(Invocation invocation, int attempt, Instant at) {
        return new Progress(CallRecord.queued(invocation).moved(CallState.RUNNING, attempt, OptionalInt.empty(), at));
    }

    static CallChange retryScheduled(Invocation invocation, int attempt, int status, Instant at) {
        return new Progress(CallRecord.queued(invocation).moved(CallState.RETRYING, attempt, OptionalInt.of(status), at));
    }

    /** The call ran to its end with {@code outcome}; being cancelled is not an end it runs to. */
    static CallChange ended(Invocation invocation, RetryDecision.Outcome outcome, int attempt, int status, Instant at) {
        return new Progress(CallRecord.queued(invocation)
                .moved(CallState.endedBy(outcome), attempt, OptionalInt.of(status), at));
    }

    /** The call ended with {@code outcome} for a {@code reason} its status does not tell, e.g. a failure in the worker. */
    static CallChange ended(Invocation invocation, RetryDecision.Outcome outcome, int attempt, int status,
                            String reason, Instant at) {
        return new Progress(CallRecord.queued(invocation)
                .moved(CallState.endedBy(outcome), attempt, OptionalInt.of(status), at).because(Optional.of(reason)));
    }

    /** The callback of {@code invocation}'s call, which has ended, could not be delivered and was given up on. */
    static CallChange callbackGivenUp(Invocation invocation, CallbackFailure failure) {
        return new CallbackGivenUp(invocation.enqueuedAt(), failure);
    }

    /** Cancels a call that has not ended; a call the ledger does not know cannot be cancelled. */
    static CallChange cancelled(Instant at) {
        return new Cancel(at);
    }

    /** The call got as far as {@code next}. */
    record Progress(CallRecord next) implements CallChange {

        public Progress {
            Objects.requireNonNull(next, "next");
        }

        @Override
        public Optional<CallRecord> applyTo(Optional<CallRecord> holds) {
            if (holds.isEmpty()) {
                return Optional.of(next);
            }
            CallRecord held = holds.get();
            if (!held.function().equals(next.function())) {
                // another function's call under the same id: each keeps its own record, the first one this one
                return Optional.empty();
            }
            if (held.acceptedAt().isBefore(next.acceptedAt())) {
                return Optional.of(next);
            }
            if (!held.isSameCallAs(next) || next.progress() <= held.progress()) {
                return Optional.empty();
            }
            return Optional.of(held.moved(next.state(), next.attempts(), next.lastStatus(), next.updatedAt())
                    .because(next.reason()));
        }

        @Override
        public boolean isFirstStep() {
            return next.state() == CallState.QUEUED;
        }
    }

    /** The callback of the call accepted at {@code acceptedAt} was given up on; a record of another call made under its id stays. */
    record CallbackGivenUp(Instant acceptedAt, CallbackFailure failure) implements CallChange {

        public CallbackGivenUp {
            Objects.requireNonNull(acceptedAt, "acceptedAt");
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public Optional<CallRecord> applyTo(Optional<CallRecord> holds) {
            return holds.filter(held -> held.acceptedAt().equals(acceptedAt)).map(held -> held.withCallbackFailure(failure));
        }

        @Override
        public boolean isFirstStep() {
            return false;
        }
    }

    record Cancel(Instant at) implements CallChange {

        public Cancel {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Optional<CallRecord> applyTo(Optional<CallRecord> holds) {
            return holds.filter(held -> !held.state().isFinal())
                    .map(held -> held.moved(CallState.CANCELLED, held.attempts(), OptionalInt.empty(), at));
        }

        @Override
        public boolean isFirstStep() {
            return false;
        }
    }
}
