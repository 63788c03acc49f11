package io.invoq.adapter.jetstream;

import io.invoq.application.SystemScheduler;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The worker's delivery semantics on a real nats-server in real time, with a short retry schedule
 * so that exhausting every attempt takes seconds, not minutes.
 */
class JetStreamWorkerContractTest extends WorkerContract {

    @RegisterExtension
    static final RealNatsServer nats = new RealNatsServer();
    private static final SystemScheduler SCHEDULER = new SystemScheduler("contract-timer");

    @AfterAll
    static void stopScheduler() {
        SCHEDULER.close();
    }

    @Override
    protected InvocationQueue newQueue(QueueSettings settings) {
        return TestBrokers.broker(nats.server(), settings);
    }

    /** A ledger with a connection of its own, as another process's would have. */
    @Override
    protected CallLedger newLedger() {
        return new KeyValueCallLedger(nats.connect(), nats.settings(), CallLedgerSettings.DEFAULT);
    }

    /** Dead letters with a connection of their own, as another process's would have. */
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

    @Override
    protected int maxRetryAttempts() {
        return 4;
    }

    @Override
    protected Duration initialRetryWait() {
        return Duration.ofMillis(300);
    }

    @Override
    protected Duration maxRetryWait() {
        return Duration.ofMillis(1200);
    }
}
