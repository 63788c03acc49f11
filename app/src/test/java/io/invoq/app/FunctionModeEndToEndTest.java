package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoq.app.RecordingHttpServer.Response;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Function mode in the running jar's wiring, on the in-memory broker: bounds, pauses, status and metrics over HTTP. */
class FunctionModeEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String QUEUE = "faas-request";

    private final HeldFunction heldFunction = new HeldFunction(PATIENCE);
    private final RecordingHttpServer callbacks = RecordingHttpServer.answering(Response.status(204));
    private RunningInvoq invoq;
    private InvoqClient client;

    @AfterEach
    void stop() {
        heldFunction.release();
        if (invoq != null) {
            invoq.close();
        }
        heldFunction.close();
        callbacks.close();
    }

    @Test
    void a_bounded_function_runs_no_more_calls_at_once_and_the_queue_and_metrics_show_its_bound() {
        start("--scaling-mode=function", "--max-inflight=8");
        assertThat(client.registerFunction("held", heldFunction.url("/"),
                "{\"com.invoq.max_concurrency\":\"2\",\"com.invoq.rate\":\"600/m\"}").statusCode()).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            submit("held");
        }

        await().atMost(PATIENCE).until(() -> heldFunction.requests().size() == 2);
        JsonNode queue = client.getJson("/system/queues/" + QUEUE);
        assertThat(queue.get("scalingMode").asText()).isEqualTo("function");
        assertThat(queue.get("functions").get(0).get("name").asText()).isEqualTo("held");
        assertThat(queue.get("functions").get(0).get("maxConcurrency").asInt()).isEqualTo(2);
        assertThat(queue.get("functions").get(0).get("rate").asText()).isEqualTo("600/m");
        MetricsPage page = MetricsPage.scrape(client);
        assertThat(page.value("invoq_function_concurrency_limit", "queue_name", QUEUE, "function_name", "held")).isEqualTo(2);
        assertThat(page.value("invoq_function_adaptive_concurrency", "queue_name", QUEUE, "function_name", "held"))
                .isEqualTo(2);

        heldFunction.release();
        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 5);
    }

    @Test
    void a_paused_function_accepts_calls_and_starts_them_once_resumed() throws Exception {
        start("--scaling-mode=function");
        heldFunction.release();
        assertThat(client.registerFunction("held", heldFunction.url("/")).statusCode()).isEqualTo(201);

        assertThat(client.send("POST", "/system/queues/" + QUEUE + "/functions/held/pause", null).statusCode())
                .isEqualTo(200);
        submit("held");
        await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> heldFunction.requests().isEmpty());
        JsonNode held = client.getJson("/system/queues").get(0).get("functions").get(0);
        assertThat(held.get("paused").asBoolean()).isTrue();
        assertThat(held.get("pending").asInt()).isEqualTo(1);

        assertThat(client.send("POST", "/system/queues/" + QUEUE + "/functions/held/resume", null).statusCode())
                .isEqualTo(200);
        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 1);
    }

    private void start(String... flags) {
        invoq = RunningInvoq.start(InvoqConfig.load(
                Stream.concat(Stream.of("--port=0"), Stream.of(flags)).toArray(String[]::new), Map.of()));
        client = new InvoqClient(invoq.port());
    }

    private void submit(String function) {
        assertThat(client.send("POST", "/async-function/" + function, "work", "X-Callback-Url", callbacks.url("/cb"))
                .statusCode()).isEqualTo(202);
    }
}
