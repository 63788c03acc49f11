package io.invoq.adapter.jetstream;

import io.invoq.domain.Invocation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An invocation as it is queued. A call waiting out a retry delay is queued again as a new
 * message, so the message carries what the broker can no longer count itself.
 *
 * @param priorDeliveries deliveries of the call before this message was queued
 * @param retryAt         when the retry is due, if the message waits out a retry delay
 */
record Envelope(Invocation invocation, int priorDeliveries, Optional<Instant> retryAt) {

    Envelope {
        Objects.requireNonNull(invocation, "invocation");
        Objects.requireNonNull(retryAt, "retryAt");
        if (priorDeliveries < 0) {
            throw new IllegalArgumentException("prior deliveries must not be negative");
        }
    }

    static Envelope of(Invocation invocation) {
        return new Envelope(invocation, 0, Optional.empty());
    }

    /** The earliest time the call may be delivered: its start time, or its retry's if that is later. */
    Instant dueAt() {
        Instant notBefore = invocation.notBefore();
        return retryAt.filter(retry -> retry.isAfter(notBefore)).orElse(notBefore);
    }

    boolean isDueAt(Instant now) {
        return !dueAt().isAfter(now);
    }

    Envelope retryAt(Instant when, int deliveriesSoFar) {
        return new Envelope(invocation, deliveriesSoFar, Optional.of(when));
    }

    Envelope withPriorDeliveries(int deliveries) {
        return new Envelope(invocation, deliveries, retryAt);
    }
}
