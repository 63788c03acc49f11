package io.invoq.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/** What is known about one call: the answer to {@code GET /system/calls/{id}}. */
public record CallRecord(
        CallId callId,
        FunctionName function,
        QueueName queue,
        CallState state,
        int attempts,
        OptionalInt lastStatus,
        Instant acceptedAt,
        Instant updatedAt) {

    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastStatus, "lastStatus");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static CallRecord accepted(Invocation invocation) {
        return new CallRecord(invocation.callId(), invocation.function(), invocation.queue(), CallState.QUEUED,
                0, OptionalInt.empty(), invocation.enqueuedAt(), invocation.enqueuedAt());
    }

    public CallRecord running(int attempt, Instant at) {
        return new CallRecord(callId, function, queue, CallState.RUNNING, attempt, lastStatus, acceptedAt, at);
    }

    public CallRecord finished(CallState next, int status, Instant at) {
        return new CallRecord(callId, function, queue, next, attempts, OptionalInt.of(status), acceptedAt, at);
    }
}
