package io.invoq.app;

import io.invoq.adapter.jetstream.NatsServerProcess;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** OpenFaaS users' ways on a real nats-server. */
class JetStreamOpenFaasEndToEndTest extends OpenFaasEndToEndTest {

    private final NatsServerProcess nats = NatsServerProcess.start();

    @Override
    List<String> brokerFlags() {
        return List.of("--broker=jetstream", "--nats-url=" + nats.url());
    }

    @AfterEach
    void stopNats() {
        nats.close();
    }
}
