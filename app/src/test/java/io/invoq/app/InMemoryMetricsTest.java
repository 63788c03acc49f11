package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.invoq.app.RecordingHttpServer.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} of a running invoq on the in-memory broker, read over HTTP while real calls run. */
class InMemoryMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String QUEUE = "faas-request";

    private final HeldFunction heldFunction = new HeldFunction(PATIENCE);
    private final RecordingHttpServer callbacks = RecordingHttpServer.answering(Response.status(204));
    private final CallMix mix = new CallMix();
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
        mix.close();
    }

    @Test
    void submitted_and_processed_move_by_exactly_the_calls_queued_and_finished_and_pending_returns_to_0() {
        start();
        heldFunction.release();
        MetricsPage before = metrics();
        assertThat(before.matching("queue_worker_messages_submitted_total", "queue_name", QUEUE)).hasSize(1);
        assertThat(before.matching("queue_worker_messages_processed_total", "queue_name", QUEUE)).hasSize(1);

        submit("X-Call-Id", "the-same-id");
        submit("X-Call-Id", "the-same-id");
        submit();
        submit();

        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 3);
        await().atMost(PATIENCE).until(() -> metrics().value("queue_worker_messages_processed_total", "queue_name", QUEUE)
                == before.value("queue_worker_messages_processed_total", "queue_name", QUEUE) + 3);
        MetricsPage after = metrics();
        assertThat(after.value("queue_worker_messages_submitted_total", "queue_name", QUEUE))
                .isEqualTo(before.value("queue_worker_messages_submitted_total", "queue_name", QUEUE) + 3);
        assertThat(after.value("queue_worker_pending_messages", "queue_name", QUEUE, "function_name", "held")).isZero();
    }

    @Test
    void in_flight_and_pending_rise_while_a_held_call_runs_and_the_next_waits_and_fall_when_both_are_done() {
        start("--max-inflight=1");
        submit();
        submit();

        await().atMost(PATIENCE).until(() -> heldFunction.requests().size() == 1);
        await().atMost(PATIENCE).untilAsserted(() -> {
            MetricsPage page = metrics();
            assertThat(page.value("queue_worker_function_invocation_inflight", "queue_name", QUEUE, "function_name", "held"))
                    .isEqualTo(1);
            assertThat(page.value("queue_worker_pending_messages", "queue_name", QUEUE, "function_name", "held"))
                    .isEqualTo(2);
        });

        heldFunction.release();

        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 2);
        await().atMost(PATIENCE).untilAsserted(() -> {
            MetricsPage page = metrics();
            assertThat(page.value("queue_worker_function_invocation_inflight", "queue_name", QUEUE, "function_name", "held"))
                    .isZero();
            assertThat(page.matching("queue_worker_pending_messages", "queue_name", QUEUE, "function_name", "held"))
                    .singleElement().extracting(MetricsPage.Sample::value).isEqualTo(0.0);
        });
    }

    @Test
    void retries_failures_callback_failures_latencies_and_gateway_requests_are_counted_with_bounded_labels() {
        start(CallMix.QUICK_RETRIES);
        mix.register(client);

        mix.submitOneOfEach(client);

        await().atMost(PATIENCE).until(() -> mix.callbacksReceived() == CallMix.CALLS);
        await().atMost(PATIENCE).until(() ->
                metrics().value("queue_worker_messages_processed_total", "queue_name", QUEUE) == CallMix.CALLS);
        MetricsPage page = metrics();
        String[] mixFunction = {"queue_name", QUEUE, "function_name", CallMix.FUNCTION};
        assertThat(page.value("invoq_retries_total", with(mixFunction, "code", "500"))).isEqualTo(1);
        assertThat(page.value("invoq_calls_failed_total", with(mixFunction, "outcome", "failed"))).isEqualTo(1);
        assertThat(page.value("invoq_calls_failed_total", with(mixFunction, "outcome", "exhausted"))).isZero();
        assertThat(page.value("invoq_callback_failures_total", mixFunction)).isEqualTo(1);
        assertThat(page.value("invoq_invocation_duration_seconds_count", with(mixFunction, "code", "200"))).isEqualTo(3);
        assertThat(page.value("invoq_invocation_duration_seconds_count", with(mixFunction, "code", "500"))).isEqualTo(1);
        assertThat(page.value("invoq_invocation_duration_seconds_count", with(mixFunction, "code", "400"))).isEqualTo(1);
        assertThat(page.matching("invoq_invocation_duration_seconds_bucket", with(mixFunction, "code", "200")))
                .extracting(sample -> sample.labels().get("le")).contains("0.005", "1.0", "3600.0", "+Inf");
        assertThat(page.value("invoq_enqueue_to_start_seconds_count", mixFunction)).isEqualTo(CallMix.CALLS);
        assertThat(page.value("invoq_gateway_request_duration_seconds_count",
                "route", "/async-function/{name}", "method", "POST", "code", "202")).isEqualTo(CallMix.CALLS);
        assertThat(page.value("queue_worker_nats_reconnect_total")).isZero();
        assertThat(page.matching("invoq_gateway_request_duration_seconds_count"))
                .allSatisfy(sample -> assertThat(sample.labels().get("route")).doesNotContain(CallMix.FUNCTION));
    }

    @Test
    void every_metric_the_grafana_dashboard_queries_is_one_the_running_jar_exports() {
        start(CallMix.QUICK_RETRIES);
        mix.register(client);
        mix.submitOneOfEach(client);
        await().atMost(PATIENCE).until(() -> mix.callbacksReceived() == CallMix.CALLS);

        List<String> queried = GrafanaDashboard.load().metricNames();

        assertThat(queried).isNotEmpty();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(metrics().names()).containsAll(queried));
    }

    @Test
    void a_worker_serves_health_and_metrics_on_its_port_and_no_api() {
        invoq = RunningInvoq.start(InvoqConfig.load(new String[] {"--port=0", "--mode=worker"}, Map.of()));
        client = new InvoqClient(invoq.port());

        assertThat(metrics().names()).contains("queue_worker_nats_reconnect_total", "queue_worker_messages_processed_total");
        assertThat(client.send("GET", "/healthz", null).statusCode()).isEqualTo(200);
        assertThat(client.send("GET", "/readyz", null).statusCode()).isEqualTo(200);
        assertThat(client.send("POST", "/async-function/held", "work").statusCode()).isEqualTo(404);
        assertThat(client.send("GET", "/system/functions", null).statusCode()).isEqualTo(404);
        assertThat(client.send("GET", "/system/queues", null).statusCode()).isEqualTo(404);
    }

    private void start(String... flags) {
        invoq = RunningInvoq.start(InvoqConfig.load(
                Stream.concat(Stream.of("--port=0"), Stream.of(flags)).toArray(String[]::new), Map.of()));
        client = new InvoqClient(invoq.port());
        assertThat(client.registerFunction("held", heldFunction.url("/")).statusCode()).isEqualTo(201);
    }

    private void submit(String... headers) {
        String[] withCallback = with(headers, "X-Callback-Url", callbacks.url("/cb"));
        assertThat(client.send("POST", "/async-function/held", "work", withCallback).statusCode()).isEqualTo(202);
    }

    private MetricsPage metrics() {
        return MetricsPage.scrape(client);
    }

    private static String[] with(String[] pairs, String name, String value) {
        return Stream.concat(Stream.of(pairs), Stream.of(name, value)).toArray(String[]::new);
    }
}
