package io.invoq.testkit;

import io.invoq.adapter.inmemory.ManualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Moves invoq's manual clock from one due time to the next, letting the work each one starts
 * (an attempt, its callback) settle in real time before it moves on: so a back-off of minutes runs
 * at the speed of its loopback requests, and in the same order every time.
 */
final class VirtualTime {

    private static final long LOOK_AGAIN_NANOS = Duration.ofMillis(1).toNanos();

    private final ManualTimeSource clock;
    private final Duration busyLimit;

    VirtualTime(ManualTimeSource clock, Duration busyLimit) {
        this.clock = clock;
        this.busyLimit = busyLimit;
    }

    Instant now() {
        return clock.now();
    }

    /** Runs everything that falls due within {@code duration}, each at its own time, and ends there. */
    void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward, not by " + duration);
        }
        Instant target = clock.now().plus(duration);
        settle();
        Optional<Instant> next;
        while ((next = clock.nextDue().filter(due -> !due.isAfter(target))).isPresent()) {
            clock.set(next.get());
            settle();
        }
        clock.set(target);
        settle();
    }

    /** When something is due next, after what is due now has settled; empty when nothing waits. */
    Optional<Instant> nextDue() {
        settle();
        return clock.nextDue();
    }

    /**
     * Waits, in real time, until nothing is due at the present virtual time: every call is either
     * done or waiting for a later time. Setting the clock to where it stands runs what it has
     * scheduled for now and wakes the workers.
     */
    void settle() {
        long deadline = System.nanoTime() + busyLimit.toNanos();
        while (isDueNow()) {
            clock.set(clock.now());
            if (!isDueNow()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("invoq is still busy after " + busyLimit.toMillis() + " ms of real time "
                        + "at virtual time " + clock.now() + ": a call is still running or waits for a worker "
                        + "(a function that does not answer? a queue this invoq's worker does not consume?)");
            }
            LockSupport.parkNanos(LOOK_AGAIN_NANOS);
        }
    }

    private boolean isDueNow() {
        return clock.nextDue().filter(due -> !due.isAfter(clock.now())).isPresent();
    }
}
