package io.invoq.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling: every wait in the benchmark has a limit. */
final class Await {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    private Await() {
    }

    /** Polls until {@code condition} holds; fails naming {@code what} when {@code timeout} passes first. */
    static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("gave up waiting " + timeout.toSeconds() + " s for " + what);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }
}
