package io.invoq.ports.out;

import io.invoq.domain.LeaseRule;
import java.time.Duration;
import java.util.Objects;

/**
 * How a broker treats every queue it serves; the same meaning on every broker.
 *
 * @param ackWait           how long a delivery is leased before it is handed out again
 * @param maxAckPending     how many deliveries of one queue may be unsettled at once, across all its workers
 *                          (JetStream's max ack pending of the queue's consumer)
 * @param duplicateWindow   how long a call id is remembered for de-duplication
 * @param maxQueued         the most calls a queue holds that are due or running, {@link #NO_BOUND} for no bound;
 *                          a publish beyond it is refused with {@link QueueFullException}. Calls waiting for a
 *                          start time or a retry are not counted, and a retry that falls due re-enters its queue.
 */
public record QueueSettings(Duration ackWait, int maxAckPending, Duration duplicateWindow, long maxQueued) {

    public static final int DEFAULT_MAX_ACK_PENDING = 1000;
    public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofMinutes(2);
    public static final long NO_BOUND = 0;
    public static final QueueSettings DEFAULT =
            new QueueSettings(LeaseRule.DEFAULT_ACK_WAIT, DEFAULT_MAX_ACK_PENDING, DEFAULT_DUPLICATE_WINDOW, NO_BOUND);

    public QueueSettings {
        Objects.requireNonNull(ackWait, "ackWait");
        Objects.requireNonNull(duplicateWindow, "duplicateWindow");
        if (ackWait.isNegative() || ackWait.isZero()) {
            throw new IllegalArgumentException("ack wait must be positive");
        }
        if (maxAckPending < 1) {
            throw new IllegalArgumentException("max ack pending must be at least 1");
        }
        if (duplicateWindow.isNegative()) {
            throw new IllegalArgumentException("duplicate window must not be negative");
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("max queued must not be negative");
        }
    }

    /** Unbounded queues. */
    public QueueSettings(Duration ackWait, int maxAckPending, Duration duplicateWindow) {
        this(ackWait, maxAckPending, duplicateWindow, NO_BOUND);
    }

    public boolean isBounded() {
        return maxQueued != NO_BOUND;
    }
}
