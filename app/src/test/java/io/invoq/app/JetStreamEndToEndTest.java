package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.invoq.adapter.jetstream.NatsServerProcess;
import io.invoq.app.RecordingHttpServer.Response;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole path on a real nats-server: submit → stream → worker → function → callback. */
class JetStreamEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final NatsServerProcess nats = NatsServerProcess.start();
    private final RecordingHttpServer function = RecordingHttpServer.answering(Response.ok("done"));
    private final RecordingHttpServer callbacks = RecordingHttpServer.answering(Response.status(200));
    private RunningInvoq invoq;
    private InvoqClient client;

    @BeforeEach
    void start() {
        invoq = RunningInvoq.start(InvoqConfig.load(new String[] {
            "--port=0", "--broker=jetstream", "--nats-url=" + nats.url(), "--max-inflight=8"}, Map.of()));
        client = new InvoqClient(invoq.port());
        assertThat(client.registerFunction("work", function.url("/")).statusCode()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        invoq.close();
        function.close();
        callbacks.close();
        nats.close();
    }

    @Test
    void start_up_creates_the_work_queue_stream_and_the_durable_pull_consumer() throws Exception {
        submit("first");
        try (Connection connection = Nats.connect(nats.url())) {
            JetStreamManagement management = connection.jetStreamManagement();
            StreamConfiguration stream = management.getStreamInfo("OF_faas-request").getConfiguration();
            assertThat(stream.getRetentionPolicy()).isEqualTo(RetentionPolicy.WorkQueue);
            assertThat(stream.getStorageType()).isEqualTo(StorageType.File);
            assertThat(stream.getSubjects()).containsExactly("faas-request.>");
            ConsumerConfiguration consumer = management.getConsumerInfo("OF_faas-request", "faas-request-workers")
                    .getConsumerConfiguration();
            assertThat(consumer.getAckPolicy()).isEqualTo(AckPolicy.Explicit);
            assertThat(consumer.getDeliverPolicy()).isEqualTo(DeliverPolicy.All);
            assertThat(consumer.getMaxDeliver()).isEqualTo(-1);
            assertThat(consumer.getAckWait()).isEqualTo(Duration.ofSeconds(30));
            assertThat(consumer.getMaxAckPending()).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void calls_complete_with_callbacks_and_leave_no_message_in_the_stream() throws Exception {
        for (int i = 0; i < 20; i++) {
            submit("call-" + i);
        }
        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 20);
        assertThat(callbacks.requests()).extracting(request -> request.header("X-Function-Status")).containsOnly("200");
        try (Connection connection = Nats.connect(nats.url())) {
            await().atMost(PATIENCE).until(() ->
                    connection.jetStreamManagement().getStreamInfo("OF_faas-request").getStreamState().getMsgCount() == 0);
        }
    }

    @Test
    void the_same_call_id_submitted_twice_is_invoked_once() {
        assertThat(client.send("POST", "/async-function/work", "a", "X-Call-Id", "same-id",
                "X-Callback-Url", callbacks.url("/cb")).statusCode()).isEqualTo(202);
        assertThat(client.send("POST", "/async-function/work", "a", "X-Call-Id", "same-id",
                "X-Callback-Url", callbacks.url("/cb")).statusCode()).isEqualTo(202);
        submit("marker");

        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 2);
        assertThat(function.requests()).extracting(RecordingHttpServer.Request::bodyText).containsExactlyInAnyOrder("a", "marker");
    }

    @Test
    void with_the_broker_down_submissions_answer_503_and_work_resumes_when_it_returns() {
        nats.stop();
        await().atMost(PATIENCE).until(() -> client.send("GET", "/readyz", null).statusCode() == 503);
        HttpResponse<String> refused = client.send("POST", "/async-function/work", "while down",
                "X-Callback-Url", callbacks.url("/cb"));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();

        nats.restart();
        await().atMost(PATIENCE).until(() -> client.send("GET", "/readyz", null).statusCode() == 200);
        submit("after the outage");
        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 1);
        assertThat(function.requests()).extracting(RecordingHttpServer.Request::bodyText).containsExactly("after the outage");
    }

    @Test
    void a_body_the_broker_cannot_store_is_refused_with_413_and_a_reason() {
        // within max_request_bytes, but not within max_payload once the call's metadata is added
        int body = 1_048_576 - 64;
        HttpResponse<String> refused = client.send("POST", "/async-function/work", "x".repeat(body),
                "X-Callback-Url", callbacks.url("/cb"));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("max_payload");
    }

    private void submit(String body) {
        assertThat(client.send("POST", "/async-function/work", body, "X-Callback-Url", callbacks.url("/cb"))
                .statusCode()).isEqualTo(202);
    }

}
