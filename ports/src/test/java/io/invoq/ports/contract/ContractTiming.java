package io.invoq.ports.contract;

import io.invoq.ports.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * How a contract suite waits, the same on a manual clock and in real time: every wait is a poll
 * bounded by the suite's patience, and the broker's clock is brought to a time by moving it (manual)
 * or by waiting for it to get there (real time, where moving it does nothing).
 */
final class ContractTiming {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    private final TimeSource brokerClock;
    private final Consumer<Duration> letTimePass;
    private final Supplier<Duration> patience;

    ContractTiming(TimeSource brokerClock, Consumer<Duration> letTimePass, Supplier<Duration> patience) {
        this.brokerClock = brokerClock;
        this.letTimePass = letTimePass;
        this.patience = patience;
    }

    ConditionFactory eventually() {
        return Awaitility.await()
                .atMost(patience.get())
                .pollDelay(Duration.ZERO)
                .pollInterval(POLL_INTERVAL)
                .pollInSameThread();
    }

    /** Brings the broker's clock to {@code target}: moves a manual clock, or waits for real time to get there. */
    void waitUntil(Instant target) {
        letTimePassUntil(target);
        eventually().until(() -> !brokerClock.now().isBefore(target));
    }

    /**
     * Moves a manual clock to {@code target} without waiting for real time, so that a following poll
     * shows both that the deadline is honoured and that nothing waits for more than it.
     */
    void letTimePassUntil(Instant target) {
        Duration left = Duration.between(brokerClock.now(), target);
        if (left.compareTo(Duration.ZERO) > 0) {
            letTimePass.accept(left);
        }
    }
}
