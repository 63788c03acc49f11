package io.invoq.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerTimerTest {

    @Test
    void aCancelledTaskLeavesTheTimerAtOnceAndWithItWhatItHoldsOnTo() {
        ScheduledThreadPoolExecutor timer = WorkerTimer.create("test-timer");
        try {
            ScheduledFuture<?> extension = timer.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.HOURS);

            extension.cancel(false);

            assertThat(timer.getQueue()).isEmpty();
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void itsThreadDoesNotKeepTheProcessAlive() throws Exception {
        ScheduledThreadPoolExecutor timer = WorkerTimer.create("test-timer");
        try {
            assertThat(timer.submit(() -> Thread.currentThread().isDaemon()).get()).isTrue();
            assertThat(timer.submit(() -> Thread.currentThread().getName()).get()).isEqualTo("test-timer");
        } finally {
            timer.shutdownNow();
        }
    }
}
