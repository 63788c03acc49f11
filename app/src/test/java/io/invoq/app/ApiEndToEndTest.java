package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoq.app.RecordingHttpServer.Response;
import io.invoq.domain.EpochNanos;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's system API (queues, call status, cancelling, the synchronous proxy) over real
 * sockets, on the broker a subclass starts invoq with.
 */
abstract class ApiEndToEndTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String AN_HOUR = "1h";
    /**
     * Short, so that a cancel is noticed within two seconds, yet longer than any stall of a loaded
     * machine: a worker stalled for two thirds of it lets the lease of a running call lapse, and the
     * call then runs, and is called back, twice.
     */
    private static final String ACK_WAIT = "6s";
    /** Short, so that a dead letter can be replayed soon after its call was accepted. */
    private static final String DUPLICATE_WINDOW = "1s";

    final RecordingHttpServer function = RecordingHttpServer.answering(Response.ok("done"));
    final RecordingHttpServer callbacks = RecordingHttpServer.answering(Response.status(204));
    RunningInvoq invoq;
    InvoqClient client;

    /** The flags that choose and reach the broker. */
    abstract List<String> brokerFlags();

    /** Makes the broker unreachable for the rest of the test. */
    abstract void takeBrokerDown();

    @BeforeEach
    void start() {
        invoq = startInvoq();
        client = new InvoqClient(invoq.port());
        assertThat(client.registerFunction("echo", function.url("/")).statusCode()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        invoq.close();
        function.close();
        callbacks.close();
    }

    // --- queues ---

    @Test
    void queues_list_the_default_queue_and_every_queue_a_function_names_with_what_they_hold() {
        assertThat(client.registerFunction("resize", function.url("/"), "{\"com.openfaas.queue\":\"images\"}")
                .statusCode()).isEqualTo(201);
        submitDeferred("echo");
        submitDeferred("echo");
        submitDeferred("resize");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(client.getJson("/system/queues")).containsExactly(
                queue("faas-request", 2, Map.of("echo", 2), "static", "echo"),
                queue("images", 1, Map.of("resize", 1), null, "resize")));
        assertThat(client.getJson("/system/queues/images")).isEqualTo(queue("images", 1, Map.of("resize", 1), null, "resize"));
    }

    @Test
    void a_queue_holding_max_queue_length_calls_refuses_more_with_429_until_it_has_room() {
        String queue = "bounded-" + UUID.randomUUID().toString().substring(0, 8);
        try (RunningInvoq gateway = startInvoq("--mode=gateway", "--queue-name=" + queue, "--max-queue-length=2")) {
            InvoqClient front = new InvoqClient(gateway.port());
            front.registerFunction("echo", function.url("/"));
            for (int i = 0; i < 2; i++) {
                assertThat(front.send("POST", "/async-function/echo", "fits").statusCode()).isEqualTo(202);
            }

            HttpResponse<String> refused = front.send("POST", "/async-function/echo", "one too many");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("full");
            assertThat(front.send("DELETE", "/system/queues/" + queue + "/messages", null).statusCode()).isEqualTo(200);
            assertThat(front.send("POST", "/async-function/echo", "room again").statusCode()).isEqualTo(202);
        }
    }

    @Test
    void purging_a_queue_drops_the_calls_it_holds_and_answers_how_many() {
        IntStream.range(0, 3).forEach(i -> submitDeferred("echo"));

        HttpResponse<String> purged = client.send("DELETE", "/system/queues/faas-request/messages", null);

        assertThat(purged.statusCode()).isEqualTo(200);
        assertThat(InvoqClient.json(purged).toString()).isEqualTo("{\"queue\":\"faas-request\",\"purged\":3}");
        assertThat(client.getJson("/system/queues/faas-request")).isEqualTo(queue("faas-request", 0, Map.of(), "static", "echo"));
    }

    @Test
    void a_queue_with_a_bad_name_is_refused_with_400_and_any_queue_with_503_while_the_broker_is_down() {
        assertThat(client.send("GET", "/system/queues/bad.name", null).statusCode()).isEqualTo(400);
        assertThat(client.send("DELETE", "/system/queues/bad$name/messages", null).statusCode()).isEqualTo(400);

        takeBrokerDown();

        await().atMost(PATIENCE).until(() -> client.send("GET", "/system/queues", null).statusCode() == 503);
        assertThat(client.send("GET", "/system/queues/faas-request", null).statusCode()).isEqualTo(503);
        assertThat(client.send("DELETE", "/system/queues/faas-request/messages", null).statusCode()).isEqualTo(503);
    }

    @Test
    void a_function_whose_queue_annotation_names_no_queue_is_refused_at_registration_or_submission_never_500() {
        for (String queue : new String[] {"../x", "a.b", "*", ">", "faas-request~dlq", "\u00fc", "q".repeat(10_000)}) {
            String name = "misqueued-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> registered = client.registerFunction(name, function.url("/"),
                    "{\"com.openfaas.queue\":\"" + queue + "\"}");
            if (registered.statusCode() == 400) {
                continue;
            }
            HttpResponse<String> submitted = client.send("POST", "/async-function/" + name, "x");

            assertThat(submitted.statusCode()).as(queue).isEqualTo(400);
            assertThat(submitted.body()).as(queue).contains("com.openfaas.queue").doesNotContain("\n");
            assertThat(client.send("GET", "/system/queues", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void names_too_long_for_the_broker_are_refused_with_a_4xx() {
        String longName = "f".repeat(10_000);

        HttpResponse<String> registered = client.registerFunction(longName, function.url("/"));
        HttpResponse<String> submitted = client.send("POST", "/async-function/" + longName, "x");

        assertThat(registered.statusCode()).isEqualTo(400);
        assertThat(registered.body()).contains("at most 128 characters").hasSizeLessThan(300);
        assertThat(submitted.statusCode()).isBetween(400, 499);
        assertThat(client.send("GET", "/system/queues/" + "q".repeat(10_000), null).statusCode()).isBetween(400, 499);
    }

    // --- call status and cancelling ---

    @Test
    void a_calls_status_shows_it_queued_and_then_how_it_ended() {
        String deferred = submitDeferred("echo");
        await().atMost(PATIENCE).until(() -> stateOf(deferred).equals("queued"));

        HttpResponse<String> accepted = client.send("POST", "/async-function/echo", "now", "X-Call-Id", "status:1",
                "X-Callback-Url", callbacks.url("/cb"));
        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 1);

        JsonNode status = client.getJson("/system/calls/status:1");
        assertThat(status.get("callId").asText()).isEqualTo("status:1");
        assertThat(status.get("state").asText()).isEqualTo("succeeded");
        assertThat(status.get("function").asText()).isEqualTo("echo");
        assertThat(status.get("queue").asText()).isEqualTo("faas-request");
        assertThat(status.get("attempts").asInt()).isEqualTo(1);
        assertThat(status.get("status").asInt()).isEqualTo(200);
        assertThat(EpochNanos.of(Instant.parse(status.get("acceptedAt").asText())))
                .isEqualTo(Long.parseLong(accepted.headers().firstValue("X-Start-Time").orElseThrow()));
        assertThat(Instant.parse(status.get("updatedAt").asText())).isAfter(Instant.parse(status.get("acceptedAt").asText()));
    }

    @Test
    void an_unknown_call_is_answered_404_and_a_bad_call_id_400() {
        assertThat(client.send("GET", "/system/calls/nobody", null).statusCode()).isEqualTo(404);
        assertThat(client.send("DELETE", "/async-function/nobody", null).statusCode()).isEqualTo(404);
        assertThat(client.send("GET", "/system/calls/bad%20id", null).statusCode()).isEqualTo(400);
        assertThat(client.send("DELETE", "/async-function/bad%20id", null).statusCode()).isEqualTo(400);
    }

    @Test
    void a_call_cancelled_while_queued_is_never_invoked_nor_called_back() {
        HttpResponse<String> accepted = client.send("POST", "/async-function/echo", "cancel me", "X-Delay", "1s",
                "X-Callback-Url", callbacks.url("/cb"));
        String call = accepted.headers().firstValue("X-Call-Id").orElseThrow();
        await().atMost(PATIENCE).until(() -> stateOf(call).equals("queued"));

        HttpResponse<String> cancelled = client.send("DELETE", "/async-function/" + call, null);

        assertThat(cancelled.statusCode()).isEqualTo(202);
        assertThat(InvoqClient.json(cancelled).get("state").asText()).isEqualTo("cancelled");
        await().atMost(PATIENCE).until(() -> client.getJson("/system/queues/faas-request").get("pending").asInt() == 0);
        assertThat(function.requests()).isEmpty();
        assertThat(callbacks.requests()).isEmpty();
        assertThat(stateOf(call)).isEqualTo("cancelled");
        assertThat(client.send("DELETE", "/async-function/" + call, null).statusCode()).as("cancelled again").isEqualTo(202);
    }

    @Test
    void a_call_cancelled_while_its_function_runs_is_aborted_and_neither_retried_nor_called_back() {
        assertThatARunningCallIsCancelled();
    }

    /** Runs a call that the function holds open, cancels it through {@link #client}, and sees it stopped. */
    void assertThatARunningCallIsCancelled() {
        try (HeldFunction slow = new HeldFunction(PATIENCE)) {
            assertThat(client.registerFunction("slow", slow.url("/")).statusCode()).isEqualTo(201);
            String call = submitTo("slow");
            await().atMost(PATIENCE).until(() -> slow.requests().size() == 1);

            HttpResponse<String> cancelled = client.send("DELETE", "/async-function/" + call, null);

            assertThat(cancelled.statusCode()).isEqualTo(202);
            await().atMost(PATIENCE).until(() -> client.getJson("/system/queues/faas-request").get("pending").asInt() == 0);
            slow.release();
            assertThat(stateOf(call)).isEqualTo("cancelled");
            assertThat(slow.requests()).hasSize(1);
            assertThat(callbacks.requests()).isEmpty();
        }
    }

    @Test
    void a_call_that_has_ended_cannot_be_cancelled() {
        String call = submitTo("echo");
        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 1);

        HttpResponse<String> refused = client.send("DELETE", "/async-function/" + call, null);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(InvoqClient.json(refused).get("state").asText()).isEqualTo("succeeded");
    }

    // --- dead letters ---

    @Test
    void a_call_that_ends_without_success_stays_a_dead_letter_until_it_is_replayed_and_then_runs_again() {
        AtomicBoolean fixed = new AtomicBoolean();
        try (RecordingHttpServer picky = new RecordingHttpServer(
                request -> fixed.get() ? Response.ok("fine now") : Response.status(400))) {
            assertThat(client.registerFunction("picky", picky.url("/")).statusCode()).isEqualTo(201);
            assertThat(client.send("POST", "/async-function/picky", "try me", "X-Call-Id", "dlq:1",
                    "X-Callback-Url", callbacks.url("/cb")).statusCode()).isEqualTo(202);
            await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 1);

            JsonNode letters = client.getJson("/system/queues/faas-request/dead-letters");
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).get("callId").asText()).isEqualTo("dlq:1");
            assertThat(letters.get(0).get("function").asText()).isEqualTo("picky");
            assertThat(letters.get(0).get("attempts").asInt()).isEqualTo(1);
            assertThat(letters.get(0).get("status").asInt()).isEqualTo(400);
            assertThat(stateOf("dlq:1")).isEqualTo("failed");

            fixed.set(true);
            await().atMost(PATIENCE).until(() -> client.send("POST",
                    "/system/queues/faas-request/dead-letters/dlq:1/replay", null).statusCode() == 202);

            await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 2);
            assertThat(callbacks.requests().get(1).header("X-Function-Status")).isEqualTo("200");
            assertThat(callbacks.requests().get(1).header("X-Retry")).isEqualTo("1");
            assertThat(client.getJson("/system/queues/faas-request/dead-letters")).isEmpty();
            await().atMost(PATIENCE).until(() -> stateOf("dlq:1").equals("succeeded"));
        }
    }

    @Test
    void replaying_what_is_no_dead_letter_is_answered_404_and_a_bad_queue_400() {
        assertThat(client.send("POST", "/system/queues/faas-request/dead-letters/nobody/replay", null).statusCode())
                .isEqualTo(404);
        assertThat(client.send("GET", "/system/queues/bad.queue/dead-letters", null).statusCode()).isEqualTo(400);
        assertThat(client.getJson("/system/queues/faas-request/dead-letters?limit=5")).isEmpty();
    }

    // --- the synchronous proxy ---

    @Test
    void the_synchronous_proxy_passes_a_request_to_the_function_as_sent_and_its_answer_back() {
        try (RecordingHttpServer answering = RecordingHttpServer.answering(
                new Response(201, Map.of("X-Answer", "42", "Content-Type", "text/plain"), "made".getBytes()))) {
            assertThat(client.registerFunction("maker", answering.url("/fn")).statusCode()).isEqualTo(201);

            HttpResponse<String> response = client.send("PATCH", "/function/maker/orders/42?x=1", "hello",
                    "X-Custom", "kept");

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("made");
            assertThat(response.headers().firstValue("X-Answer")).contains("42");
            assertThat(response.headers().allValues("Date")).hasSize(1);
            RecordingHttpServer.Request invoked = answering.requests().get(0);
            assertThat(invoked.method()).isEqualTo("PATCH");
            assertThat(invoked.uri().toString()).isEqualTo("/fn/orders/42?x=1");
            assertThat(invoked.bodyText()).isEqualTo("hello");
            assertThat(invoked.header("X-Custom")).isEqualTo("kept");
            assertThat(invoked.header("X-Call-Id")).isNotBlank();
        }
    }

    @Test
    void a_callback_may_target_another_function_through_the_proxy() {
        try (RecordingHttpServer receiver = RecordingHttpServer.answering(Response.status(204))) {
            assertThat(client.registerFunction("receiver", receiver.url("/")).statusCode()).isEqualTo(201);

            assertThat(client.send("POST", "/async-function/echo", "chained",
                    "X-Callback-Url", "http://127.0.0.1:" + invoq.port() + "/function/receiver/results").statusCode())
                    .isEqualTo(202);

            await().atMost(PATIENCE).until(() -> receiver.requests().size() == 1);
            RecordingHttpServer.Request callback = receiver.requests().get(0);
            assertThat(callback.uri().getPath()).isEqualTo("/results");
            assertThat(callback.header("X-Function-Name")).isEqualTo("echo");
            assertThat(callback.header("X-Function-Status")).isEqualTo("200");
            assertThat(callback.bodyText()).isEqualTo("done");
        }
    }

    @Test
    void the_proxy_answers_404_for_an_unknown_function_502_for_one_it_cannot_reach_and_504_for_one_too_slow() {
        assertThat(client.registerFunction("gone", "http://127.0.0.1:1/").statusCode()).isEqualTo(201);
        try (HeldFunction slow = new HeldFunction(PATIENCE)) {
            assertThat(client.registerFunction("slow", slow.url("/"), "{\"com.invoq.timeout\":\"200ms\"}")
                    .statusCode()).isEqualTo(201);

            assertThat(client.send("GET", "/function/nobody", null).statusCode()).isEqualTo(404);
            assertThat(client.send("GET", "/function/gone", null).statusCode()).isEqualTo(502);
            assertThat(client.send("GET", "/function/slow", null).statusCode()).isEqualTo(504);
        }
    }

    @Test
    void with_an_upstream_url_the_proxy_reaches_functions_the_registry_does_not_know_through_the_upstream_gateway() {
        try (RecordingHttpServer upstream = RecordingHttpServer.answering(Response.ok("from upstream"));
             RunningInvoq inFront = startInvoq("--upstream-url=" + upstream.url("/function/{name}"))) {
            HttpResponse<String> response = new InvoqClient(inFront.port()).send("DELETE", "/function/legacy/item/7", null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("from upstream");
            assertThat(upstream.requests().get(0).method()).isEqualTo("DELETE");
            assertThat(upstream.requests().get(0).uri().getPath()).isEqualTo("/function/legacy/item/7");
        }
    }

    // --- helpers ---

    RunningInvoq startInvoq(String... moreFlags) {
        List<String> flags = new ArrayList<>(List.of("--port=0", "--max-inflight=4", "--ack-wait=" + ACK_WAIT,
                "--duplicate-window=" + DUPLICATE_WINDOW));
        flags.addAll(brokerFlags());
        flags.addAll(List.of(moreFlags));
        return RunningInvoq.start(InvoqConfig.load(flags.toArray(String[]::new), Map.of()));
    }

    /** Submits a call to run now; answers its call id. */
    String submitTo(String functionName) {
        HttpResponse<String> accepted = client.send("POST", "/async-function/" + functionName, "now",
                "X-Callback-Url", callbacks.url("/cb"));
        assertThat(accepted.statusCode()).isEqualTo(202);
        return accepted.headers().firstValue("X-Call-Id").orElseThrow();
    }

    /** The call's state, or {@code unknown} while the gateway does not know it. */
    String stateOf(String call) {
        HttpResponse<String> response = client.send("GET", "/system/calls/" + call, null);
        return response.statusCode() == 404 ? "unknown" : InvoqClient.json(response).get("state").asText();
    }

    /** Submits a call that waits an hour in its queue; answers its call id. */
    String submitDeferred(String functionName) {
        HttpResponse<String> accepted = client.send("POST", "/async-function/" + functionName, "later",
                "X-Delay", AN_HOUR, "X-Callback-Url", callbacks.url("/cb"));
        assertThat(accepted.statusCode()).isEqualTo(202);
        return accepted.headers().firstValue("X-Call-Id").orElseThrow();
    }

    /** @param scalingMode {@code null} when no worker has taken the queue's calls */
    private static JsonNode queue(String name, long pending, Map<String, Integer> byFunction, String scalingMode,
                                  String... functions) {
        return InvoqClient.json("{\"name\":\"" + name + "\",\"pending\":" + pending + ",\"inFlight\":0,"
                + "\"pendingByFunction\":" + toJson(byFunction) + ",\"scalingMode\":"
                + (scalingMode == null ? "null" : "\"" + scalingMode + "\"") + ",\"paused\":false,\"functions\":"
                + Arrays.stream(functions).map(function -> "{\"name\":\"" + function + "\",\"pending\":"
                        + byFunction.getOrDefault(function, 0) + ",\"paused\":false,\"maxConcurrency\":null,\"rate\":null}")
                        .collect(Collectors.joining(",", "[", "]"))
                + "}");
    }

    private static String toJson(Map<String, Integer> byFunction) {
        return byFunction.entrySet().stream().map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
