package io.invoq.bench;

import java.time.Instant;

/** Wall-clock time in nanoseconds since the epoch, the unit of invoq's {@code X-Start-Time}. */
final class EpochClock {

    private EpochClock() {
    }

    static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
