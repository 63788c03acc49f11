package io.invoq.app;

import io.invoq.adapter.jetstream.NatsServerProcess;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The system API on a real nats-server. */
class JetStreamApiEndToEndTest extends ApiEndToEndTest {

    private final NatsServerProcess nats = NatsServerProcess.start();

    @Override
    List<String> brokerFlags() {
        return List.of("--broker=jetstream", "--nats-url=" + nats.url());
    }

    @Override
    void takeBrokerDown() {
        nats.stop();
    }

    @Test
    void a_call_cancelled_through_a_gateway_process_is_stopped_by_the_worker_process_running_it() {
        invoq.close();
        try (RunningInvoq gateway = startInvoq("--mode=gateway"); RunningInvoq worker = startInvoq("--mode=worker")) {
            client = new InvoqClient(gateway.port());

            assertThatARunningCallIsCancelled();
        }
    }

    @AfterEach
    void stopNats() {
        nats.close();
    }
}
