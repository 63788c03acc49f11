package io.invoq.adapter.jetstream;

import io.invoq.ports.contract.DeadLettersContract;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.DeadLetters;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dead letters' contract on a real nats-server in real time; each store has a connection of its own. */
class JetStreamDeadLettersContractTest extends DeadLettersContract {

    @RegisterExtension
    static final RealNatsServer nats = new RealNatsServer();

    @Override
    protected DeadLetters newDeadLetters(DeadLetterSettings deadLetterSettings) {
        return new JetStreamDeadLetters(nats.connect(), nats.settings(), deadLetterSettings);
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
