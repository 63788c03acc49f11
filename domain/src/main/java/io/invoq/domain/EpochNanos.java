package io.invoq.domain;

import java.time.Instant;

/** Instants as nanoseconds since the epoch, the form of the {@code X-Start-Time} header. */
public final class EpochNanos {

    private EpochNanos() {
    }

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    public static Instant toInstant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
