package io.invoq.adapter.inmemory;

import io.invoq.ports.contract.WorkerContract;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.CallLedgerSettings;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.DeadLetters;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.Scheduler;
import java.time.Duration;
import java.time.Instant;

/**
 * The worker's delivery semantics on a manual clock, which drives the broker's and the worker's
 * waits alike: the default ten-attempt back-off runs in milliseconds.
 */
class InMemoryWorkerContractTest extends WorkerContract {

    private final ManualTimeSource clock = new ManualTimeSource(Instant.parse("2030-01-01T00:00:00Z"));
    private final CallLedger ledger = InMemoryBrokerModule.newCallLedger(CallLedgerSettings.DEFAULT, clock);
    private final DeadLetters deadLetters = InMemoryBrokerModule.newDeadLetters(DeadLetterSettings.DEFAULT, clock);

    @Override
    protected InvocationQueue newQueue(QueueSettings settings) {
        return InMemoryBrokerModule.newQueue(settings, clock);
    }

    /** Every process of a test shares the one in-memory ledger. */
    @Override
    protected CallLedger newLedger() {
        return ledger;
    }

    @Override
    protected DeadLetters newDeadLetters() {
        return deadLetters;
    }

    @Override
    protected void letTimePass(Duration duration) {
        clock.advance(duration);
    }

    @Override
    protected Instant now() {
        return clock.now();
    }

    @Override
    protected Scheduler scheduler() {
        return clock;
    }


    @Override
    protected Duration schedulingSlack() {
        return Duration.ZERO;
    }

    @Override
    protected Duration quietPeriod() {
        return Duration.ofMillis(25);
    }

    @Override
    protected Duration deadlineMargin() {
        return Duration.ofNanos(1);
    }
}
