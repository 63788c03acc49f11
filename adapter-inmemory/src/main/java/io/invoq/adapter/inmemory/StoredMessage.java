package io.invoq.adapter.inmemory;

import io.invoq.domain.Invocation;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * One invocation the broker holds and where it stands: available from some time on, or held under
 * a lease by its latest delivery. Not thread-safe; a message's position in a sorted set depends on
 * its times, so {@link StoredQueue} takes it out of the set before changing them.
 */
final class StoredMessage {

    static final Comparator<StoredMessage> BY_AVAILABILITY =
            Comparator.comparing(StoredMessage::availableAt).thenComparingLong(StoredMessage::sequence);
    static final Comparator<StoredMessage> BY_LEASE_END =
            Comparator.comparing(StoredMessage::leaseEnd).thenComparingLong(StoredMessage::sequence);

    private final long sequence;
    private final Invocation invocation;
    private int deliveryCount;
    private Instant availableAt = Instant.MIN;
    private Instant leaseEnd;

    StoredMessage(long sequence, Invocation invocation) {
        this.sequence = sequence;
        this.invocation = invocation;
    }

    long sequence() {
        return sequence;
    }

    Invocation invocation() {
        return invocation;
    }

    int deliveryCount() {
        return deliveryCount;
    }

    Instant availableAt() {
        return availableAt;
    }

    Instant leaseEnd() {
        return leaseEnd;
    }

    /** Hands the message out once more under a fresh lease. */
    void deliver(Instant now, Duration ackWait) {
        deliveryCount++;
        leaseEnd = now.plus(ackWait);
    }

    void extendLease(Instant now, Duration ackWait) {
        leaseEnd = now.plus(ackWait);
    }

    void endLease() {
        leaseEnd = null;
    }

    void delayUntil(Instant instant) {
        availableAt = instant;
    }

    /** Whether the given delivery of this message is the one holding it now. */
    boolean isHeldBy(int delivery) {
        return leaseEnd != null && deliveryCount == delivery;
    }

    boolean isAvailableBy(Instant now) {
        return !availableAt.isAfter(now);
    }

    boolean leaseRunsOutBy(Instant now) {
        return !leaseEnd.isAfter(now);
    }
}
