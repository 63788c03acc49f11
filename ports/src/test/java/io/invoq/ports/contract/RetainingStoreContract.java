package io.invoq.ports.contract;

import java.time.Duration;
import java.time.Instant;

/**
 * What the contracts of stores that forget what they hold after a retention share: the store's
 * clock, which a subclass supplies as in {@link InvocationQueueContract}, and how the suite waits.
 */
public abstract class RetainingStoreContract {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    final ContractTiming timing = new ContractTiming(this::now, this::letTimePass, () -> PATIENCE);

    /** Lets at least {@code duration} pass as the store sees it: moves a manual clock, does nothing in real time. */
    protected abstract void letTimePass(Duration duration);

    /** The store's notion of now. */
    protected abstract Instant now();

    /** The retention of the test that lets it run out; short in real time, anything on a manual clock. */
    protected Duration shortRetention() {
        return Duration.ofSeconds(2);
    }

    /** How long before a deadline the suite checks that it has not been reached; real time needs room for jitter. */
    protected Duration deadlineMargin() {
        return shortRetention().dividedBy(4);
    }
}
