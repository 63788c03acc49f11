package io.invoq.ports.out;

import java.time.Duration;

/**
 * Time, as every part of invoq that waits measures it: the current time, and tasks run once a delay
 * has passed. One scheduler drives every wait of a process (the brokers' delays, lease extensions,
 * callback back-off), so that a manual one in a test drives them all and a schedule of hours runs in
 * milliseconds.
 */
public interface Scheduler extends TimeSource {

    /**
     * Runs {@code task} once {@code delay} has passed, on a thread of the scheduler's choosing; a
     * task must not block. A task that throws is logged and does not stop the others.
     */
    Scheduled schedule(Duration delay, Runnable task);

    /** A task scheduled to run. */
    @FunctionalInterface
    interface Scheduled {

        /** Keeps the task from running, if it has not started; it is forgotten at once. */
        void cancel();
    }
}
