package io.invoq.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a delivery is held before the broker hands it to someone else ({@code ack_wait}), and
 * how often a worker still running the call must extend that hold: three times per lease, so
 * that one late or lost extension does not let the lease lapse.
 */
public record LeaseRule(Duration ackWait) {

    public static final Duration DEFAULT_ACK_WAIT = Duration.ofSeconds(30);
    private static final int EXTENSIONS_PER_LEASE = 3;

    public LeaseRule {
        Objects.requireNonNull(ackWait, "ackWait");
        if (ackWait.isNegative() || ackWait.isZero()) {
            throw new IllegalArgumentException("ack wait must be positive");
        }
    }

    public Duration extendEvery() {
        return ackWait.dividedBy(EXTENSIONS_PER_LEASE);
    }
}
