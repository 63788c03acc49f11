package io.invoq.adapter.jetstream;

import io.invoq.ports.contract.InvocationQueueContract;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The broker contract, against a real nats-server in real time; every test uses queues of its own. */
class JetStreamInvocationQueueContractTest extends InvocationQueueContract {

    @RegisterExtension
    static final RealNatsServer nats = new RealNatsServer();

    @Override
    protected InvocationQueue newQueue(QueueSettings settings) {
        return TestBrokers.broker(nats.server(), settings);
    }

    @Override
    protected void letTimePass(Duration duration) {
        // real time passes on its own
    }

    @Override
    protected Instant now() {
        return Instant.now();
    }
}
