package io.invoq.adapter.inmemory;

import io.invoq.ports.contract.FlowControlContract;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.CallLedgerSettings;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.DeadLetters;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueControls;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.Scheduler;
import java.time.Duration;
import java.time.Instant;

/** Function mode and flow control in memory, every "process" of a test sharing one broker, on a manual clock. */
class InMemoryFlowControlContractTest extends FlowControlContract {

    private final ManualTimeSource clock = new ManualTimeSource(Instant.parse("2030-01-01T00:00:00Z"));
    private final CallLedger ledger = InMemoryBrokerModule.newCallLedger(CallLedgerSettings.DEFAULT, clock);
    private final DeadLetters deadLetters = InMemoryBrokerModule.newDeadLetters(DeadLetterSettings.DEFAULT, clock);
    private InvocationQueue broker;

    /** One broker in this process's memory: a second "process" shares it, as it would share a server. */
    @Override
    protected InvocationQueue newQueue(QueueSettings settings) {
        if (broker == null) {
            broker = InMemoryBrokerModule.newQueue(settings, clock);
        }
        return broker;
    }

    @Override
    protected QueueControls controlsOf(InvocationQueue broker) {
        return InMemoryBrokerModule.queueControlsOf(broker);
    }

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
}
