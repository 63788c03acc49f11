package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.invoq.adapter.jetstream.NatsServerProcess;
import io.invoq.app.RecordingHttpServer.Response;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} of a running invoq on a real nats-server, compared with what the server itself says. */
class JetStreamMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String STREAM = "OF_faas-request";
    private static final String[] HELD_FUNCTION = {"queue_name", "faas-request", "function_name", "held"};
    private static final int CALLS = 4;

    private final NatsServerProcess nats = NatsServerProcess.start();
    private final HeldFunction function = new HeldFunction(PATIENCE);
    private final RecordingHttpServer callbacks = RecordingHttpServer.answering(Response.status(204));
    private RunningInvoq invoq;
    private InvoqClient client;

    @BeforeEach
    void start() {
        invoq = RunningInvoq.start(InvoqConfig.load(new String[] {
            "--port=0", "--broker=jetstream", "--nats-url=" + nats.url(), "--max-inflight=1"}, Map.of()));
        client = new InvoqClient(invoq.port());
        assertThat(client.registerFunction("held", function.url("/")).statusCode()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        function.release();
        invoq.close();
        function.close();
        callbacks.close();
        nats.close();
    }

    @Test
    void while_calls_wait_behind_a_held_one_the_pending_gauge_equals_the_streams_own_message_count() throws Exception {
        for (int i = 0; i < CALLS; i++) {
            assertThat(client.send("POST", "/async-function/held", "call " + i, "X-Callback-Url", callbacks.url("/cb"))
                    .statusCode()).isEqualTo(202);
        }
        await().atMost(PATIENCE).until(() -> function.requests().size() == 1);

        try (Connection operator = Nats.connect(nats.url())) {
            JetStreamManagement management = operator.jetStreamManagement();
            await().atMost(PATIENCE).untilAsserted(() -> {
                long inStream = management.getStreamInfo(STREAM).getStreamState().getMsgCount();
                assertThat(inStream).isEqualTo(CALLS);
                assertThat(metrics().value("queue_worker_pending_messages", HELD_FUNCTION)).isEqualTo(inStream);
                assertThat(metrics().value("queue_worker_function_invocation_inflight", HELD_FUNCTION)).isEqualTo(1);
            });

            function.release();

            await().atMost(PATIENCE).until(() -> callbacks.requests().size() == CALLS);
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(management.getStreamInfo(STREAM).getStreamState().getMsgCount()).isZero();
                assertThat(metrics().value("queue_worker_pending_messages", HELD_FUNCTION)).isZero();
                assertThat(metrics().value("queue_worker_function_invocation_inflight", HELD_FUNCTION)).isZero();
            });
        }
        assertThat(metrics().value("queue_worker_messages_submitted_total", "queue_name", "faas-request")).isEqualTo(CALLS);
        assertThat(metrics().value("queue_worker_messages_processed_total", "queue_name", "faas-request")).isEqualTo(CALLS);
    }

    @Test
    void a_connection_to_nats_lost_and_regained_counts_one_reconnect() {
        assertThat(metrics().matching("queue_worker_nats_reconnect_total")).singleElement()
                .extracting(MetricsPage.Sample::value).isEqualTo(0.0);

        nats.stop();
        await().atMost(PATIENCE).until(() -> client.send("GET", "/readyz", null).statusCode() == 503);
        nats.restart();

        await().atMost(PATIENCE).until(() -> metrics().value("queue_worker_nats_reconnect_total") == 1);
    }

    private MetricsPage metrics() {
        return MetricsPage.scrape(client);
    }
}
