package io.invoq.application;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The timer of a worker's lease extensions and callback retries, on one daemon thread. A cancelled
 * task leaves the timer at once: every call's lease extension is cancelled when the call ends, and
 * it would otherwise keep the call's delivery, body included, in memory until it would have run.
 */
final class WorkerTimer {

    private WorkerTimer() {
    }

    static ScheduledThreadPoolExecutor create(String threadName) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named(threadName));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
