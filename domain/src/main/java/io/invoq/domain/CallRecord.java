package io.invoq.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What is known about one call: the answer to {@code GET /system/calls/{id}}.
 *
 * @param attempts   attempts started so far; 0 while the call waits for its first
 * @param lastStatus the status of the last attempt that finished; 503 unreachable, 504 timed out
 * @param acceptedAt when the gateway accepted the call; tells apart calls made under one id
 * @param reason     why the call ended as it did, when its last status does not say it, e.g. a
 *                   failure inside the worker
 * @param callbackFailure its callback, when it could not be delivered
 */
public record CallRecord(
        CallId callId,
        FunctionName function,
        QueueName queue,
        CallState state,
        int attempts,
        OptionalInt lastStatus,
        Instant acceptedAt,
        Instant updatedAt,
        Optional<String> reason,
        Optional<CallbackFailure> callbackFailure) {

    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastStatus, "lastStatus");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(callbackFailure, "callbackFailure");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    /** A record that gives no reason. */
    public CallRecord(CallId callId, FunctionName function, QueueName queue, CallState state, int attempts,
                      OptionalInt lastStatus, Instant acceptedAt, Instant updatedAt) {
        this(callId, function, queue, state, attempts, lastStatus, acceptedAt, updatedAt, Optional.empty(),
                Optional.empty());
    }

    /** A call just accepted: queued, not attempted yet. */
    public static CallRecord queued(Invocation invocation) {
        return new CallRecord(invocation.callId(), invocation.function(), invocation.queue(), CallState.QUEUED,
                0, OptionalInt.empty(), invocation.enqueuedAt(), invocation.enqueuedAt());
    }

    /** This call in another state from {@code at} on; an empty {@code status} keeps the last one. */
    public CallRecord moved(CallState next, int attemptsSoFar, OptionalInt status, Instant at) {
        return new CallRecord(callId, function, queue, next, attemptsSoFar,
                status.isPresent() ? status : lastStatus, acceptedAt, at, reason, callbackFailure);
    }

    /** This record giving {@code why} as the reason it is in its state. */
    public CallRecord because(Optional<String> why) {
        return new CallRecord(callId, function, queue, state, attempts, lastStatus, acceptedAt, updatedAt, why,
                callbackFailure);
    }

    /** This record saying that its callback could not be delivered. */
    public CallRecord withCallbackFailure(CallbackFailure failure) {
        return new CallRecord(callId, function, queue, state, attempts, lastStatus, acceptedAt, updatedAt, reason,
                Optional.of(failure));
    }

    /** Whether this is a record of the same call as {@code other}, not of another call made under the same id. */
    public boolean isSameCallAs(CallRecord other) {
        return callId.equals(other.callId) && acceptedAt.equals(other.acceptedAt);
    }

    /** Whether this is a record of {@code invocation}'s call, not of another made under its id. */
    public boolean isOf(Invocation invocation) {
        return callId.equals(invocation.callId()) && acceptedAt.equals(invocation.enqueuedAt());
    }

    /** Whether this record says that {@code invocation}'s call, not another made under its id, was cancelled. */
    public boolean cancels(Invocation invocation) {
        return state == CallState.CANCELLED && callId.equals(invocation.callId())
                && acceptedAt.equals(invocation.enqueuedAt());
    }

    /**
     * How far the call has got, so that steps reaching the ledger late cannot move it back: every attempt
     * moves it on, the retry decided after an attempt a little further, and an end furthest of all.
     */
    int progress() {
        return state.isFinal() ? Integer.MAX_VALUE : attempts * 2 + (state == CallState.RETRYING ? 1 : 0);
    }
}
