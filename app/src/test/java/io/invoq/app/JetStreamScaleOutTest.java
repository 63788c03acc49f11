package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.invoq.adapter.jetstream.NatsServerProcess;
import io.invoq.app.RecordingHttpServer.Response;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A gateway and several workers on one queue, each process with its own settings, as deployed. */
class JetStreamScaleOutTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int WORKER_MAX_INFLIGHT = 3;

    private final NatsServerProcess nats = NatsServerProcess.start();
    private final HeldFunction function = new HeldFunction(PATIENCE);
    private final RecordingHttpServer callbacks = RecordingHttpServer.answering(Response.status(200));
    private final List<Invoq> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        function.release();
        processes.forEach(Invoq::close);
        function.close();
        callbacks.close();
        nats.close();
    }

    @Test
    void workers_started_after_a_gateway_run_as_many_calls_at_once_as_they_have_slots_together() throws Exception {
        InvoqClient gateway = new InvoqClient(start("--mode=gateway").port());
        assertThat(gateway.registerFunction("slow", function.url("/")).statusCode()).isEqualTo(201);
        for (int i = 0; i < 8; i++) {
            assertThat(gateway.send("POST", "/async-function/slow", "call-" + i, "X-Callback-Url", callbacks.url("/cb"))
                    .statusCode()).isEqualTo(202);
        }

        start("--mode=worker", "--max-inflight=" + WORKER_MAX_INFLIGHT);
        start("--mode=worker", "--max-inflight=" + WORKER_MAX_INFLIGHT);

        await().atMost(PATIENCE).until(() -> function.requests().size() == 2 * WORKER_MAX_INFLIGHT);
        try (Connection operator = Nats.connect(nats.url())) {
            assertThat(operator.jetStreamManagement().getConsumerInfo("OF_faas-request", "faas-request-workers")
                    .getConsumerConfiguration().getMaxAckPending()).isEqualTo(1000);
        }
        function.release();
        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 8);
    }

    private RunningInvoq start(String... flags) {
        List<String> arguments = new ArrayList<>(List.of("--port=0", "--broker=jetstream", "--nats-url=" + nats.url()));
        arguments.addAll(List.of(flags));
        RunningInvoq invoq = RunningInvoq.start(InvoqConfig.load(arguments.toArray(String[]::new), Map.of()));
        processes.add(invoq);
        return invoq;
    }
}
