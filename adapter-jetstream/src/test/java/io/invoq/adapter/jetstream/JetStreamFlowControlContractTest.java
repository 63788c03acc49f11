package io.invoq.adapter.jetstream;

import io.invoq.application.SystemScheduler;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Function mode and flow control on a real nats-server, every worker with a connection of its own, in real time. */
class JetStreamFlowControlContractTest extends FlowControlContract {

    @RegisterExtension
    static final RealNatsServer nats = new RealNatsServer();
    private static final SystemScheduler SCHEDULER = new SystemScheduler("flow-contract-timer");

    @AfterAll
    static void stopScheduler() {
        SCHEDULER.close();
    }

    @Override
    protected InvocationQueue newQueue(QueueSettings settings) {
        return TestBrokers.broker(nats.server(), settings);
    }

    @Override
    protected QueueControls controlsOf(InvocationQueue broker) {
        return ((JetStreamInvocationQueue) broker).controls();
    }

    @Override
    protected CallLedger newLedger() {
        return new KeyValueCallLedger(nats.connect(), nats.settings(), CallLedgerSettings.DEFAULT);
    }

    @Override
    protected DeadLetters newDeadLetters() {
        return new JetStreamDeadLetters(nats.connect(), nats.settings(), DeadLetterSettings.DEFAULT);
    }

    @Override
    protected void letTimePass(Duration duration) {
        // real time passes on its own
    }

    @Override
    protected Instant now() {
        return Instant.now();
    }

    @Override
    protected Scheduler scheduler() {
        return SCHEDULER;
    }

    /** Publishing one by one with a publish ack each takes about a second per thousand here. */
    @Override
    protected int floodSize() {
        return 1000;
    }
}
