package io.invoq.adapter.jetstream;

import io.invoq.ports.contract.WorkerContract;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The worker's delivery semantics on a real nats-server in real time, with a short retry schedule
 * so that exhausting every attempt takes seconds, not minutes.
 */
class JetStreamWorkerContractTest extends WorkerContract {

    private static NatsServerProcess server;

    @BeforeAll
    static void startServer() {
        server = NatsServerProcess.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected InvocationQueue newQueue(QueueSettings settings) {
        return TestBrokers.broker(server, settings);
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
    protected TimeSource timeSource() {
        return TimeSource.SYSTEM;
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
        return Duration.ofMillis(600);
    }
}
