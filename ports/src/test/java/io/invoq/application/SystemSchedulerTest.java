package io.invoq.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SystemSchedulerTest {

    @Test
    void aCancelledTaskLeavesTheSchedulerAtOnceAndWithItWhatItHoldsOnTo() {
        try (SystemScheduler scheduler = new SystemScheduler("test-timer")) {
            scheduler.schedule(Duration.ofHours(1), () -> { }).cancel();

            assertThat(scheduler.scheduledTasks()).isZero();
        }
    }

    @Test
    void itsThreadDoesNotKeepTheProcessAliveAndATaskThatThrowsDoesNotStopTheNext() throws Exception {
        try (SystemScheduler scheduler = new SystemScheduler("test-timer")) {
            CompletableFuture<Thread> ran = new CompletableFuture<>();
            scheduler.schedule(Duration.ZERO, () -> {
                throw new IllegalStateException("a defect");
            });
            scheduler.schedule(Duration.ofMillis(1), () -> ran.complete(Thread.currentThread()));

            Thread thread = ran.get(10, TimeUnit.SECONDS);
            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.getName()).isEqualTo("test-timer");
        }
    }

    @Test
    void aTaskScheduledOnceClosedIsDroppedAndAnUnboundedDelayIsAccepted() {
        SystemScheduler scheduler = new SystemScheduler("test-timer");
        scheduler.schedule(Duration.ofSeconds(Long.MAX_VALUE), () -> { }).cancel();
        scheduler.close();

        scheduler.schedule(Duration.ZERO, () -> { }).cancel();
    }
}
