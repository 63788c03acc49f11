package io.invoq.application;

import io.invoq.ports.out.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler of a running invoq: the system clock, and one daemon thread that runs the tasks as
 * they fall due. A cancelled task leaves it at once: every call's lease extension is cancelled when
 * the call ends, and it would otherwise keep the call, body included, in memory until it would have run.
 */
public final class SystemScheduler implements Scheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SystemScheduler.class);

    private final ScheduledThreadPoolExecutor timer;

    public SystemScheduler(String threadName) {
        timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named(threadName));
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> scheduled = timer.schedule(() -> run(task), nanos(delay), TimeUnit.NANOSECONDS);
            return () -> scheduled.cancel(false);
        } catch (RejectedExecutionException e) {
            LOG.debug("the scheduler is closed; a task is dropped");
            return () -> { };
        }
    }

    /** How many tasks wait to run. */
    int scheduledTasks() {
        return timer.getQueue().size();
    }

    /** Runs no more tasks. */
    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static long nanos(Duration delay) {
        try {
            return delay.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("a scheduled task failed", e);
        }
    }
}
