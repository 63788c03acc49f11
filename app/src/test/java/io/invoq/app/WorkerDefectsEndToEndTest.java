package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoq.adapter.inmemory.ManualTimeSource;
import io.invoq.app.RecordingHttpServer.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The worker-side defects of a fault campaign, as a user meets them through the jar's HTTP API: a
 * function whose annotation would poison every call, and a callback that can never be delivered.
 */
class WorkerDefectsEndToEndTest {

    private final ManualTimeSource clock = new ManualTimeSource(Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void a_function_with_an_annotation_invoq_cannot_use_is_refused_with_400_and_never_registered() {
        try (Invoq invoq = Invoq.start(InvoqOptions.builder().build())) {
            InvoqClient client = new InvoqClient(invoq.port());

            HttpResponse<String> refused = client.registerFunction("poison", "http://127.0.0.1:9/",
                    "{\"com.invoq.timeout\":\"9999999h\"}");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("annotation com.invoq.timeout='9999999h'");
            assertThat(client.send("GET", "/system/functions/poison", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void a_callback_that_can_never_be_delivered_shows_in_the_calls_status_as_failed_and_when_it_was_given_up()
            throws IOException {
        try (RecordingHttpServer function = RecordingHttpServer.answering(Response.status(200));
             Invoq invoq = Invoq.start(InvoqOptions.builder()
                     .clock(clock)
                     .function("echo", URI.create(function.url("/")))
                     .build())) {
            InvoqClient client = new InvoqClient(invoq.port());
            HttpResponse<String> accepted = client.send("POST", "/async-function/echo", "x",
                    "X-Callback-Url", "http://127.0.0.1:" + refusedPort() + "/hook");
            assertThat(accepted.statusCode()).isEqualTo(202);
            String callId = accepted.headers().firstValue("X-Call-Id").orElseThrow();

            JsonNode status = await().atMost(Duration.ofSeconds(20)).until(() -> {
                clock.advance(Duration.ofSeconds(10));
                return client.getJson("/system/calls/" + callId);
            }, call -> call.has("callback"));

            assertThat(status.get("state").asText()).isEqualTo("succeeded");
            assertThat(status.get("callback").get("state").asText()).isEqualTo("failed");
            assertThat(Instant.parse(status.get("callback").get("givenUpAt").asText()))
                    .isAfter(Instant.parse(status.get("updatedAt").asText()));
            assertThat(status.get("callback").get("reason").asText()).startsWith("callback unreachable");
            assertThat(function.requests()).hasSize(1);
        }
    }

    /** A loopback port nothing listens on: connections to it are refused. */
    private static int refusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
