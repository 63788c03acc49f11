package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoq.app.RecordingHttpServer.Request;
import io.invoq.app.RecordingHttpServer.Response;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What OpenFaaS users do with an async gateway, over real sockets, on the broker a subclass starts
 * invoq with: chaining functions through callbacks.
 */
abstract class OpenFaasEndToEndTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Functions a, b and c, at /a, /b and /c; each names the next step in its answer's X-Callback-Url. */
    final RecordingHttpServer functions = new RecordingHttpServer(this::answer);
    final RecordingHttpServer callbacks = RecordingHttpServer.answering(Response.status(204));
    RunningInvoq invoq;
    InvoqClient client;

    /** The flags that choose and reach the broker. */
    abstract List<String> brokerFlags();

    @BeforeEach
    void start() {
        invoq = startInvoq();
        client = new InvoqClient(invoq.port());
        for (String name : List.of("a", "b", "c")) {
            assertThat(client.registerFunction(name, functions.url("/" + name)).statusCode()).isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        invoq.close();
        functions.close();
        callbacks.close();
    }

    // --- chaining ---

    @Test
    void a_chain_a_b_c_through_callbacks_to_async_function_runs_each_function_once_and_calls_back_at_its_end() {
        HttpResponse<String> accepted = client.send("POST", "/async-function/a", "start",
                "X-Call-Id", "chain:1", "X-Callback-Url", gateway("/async-function/b"));
        assertThat(accepted.statusCode()).isEqualTo(202);

        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 1);
        Request last = callbacks.requests().get(0);
        assertThat(last.header("X-Function-Name")).isEqualTo("c");
        assertThat(last.header("X-Call-Id")).isEqualTo("chain:1:b:c");
        assertThat(last.header("X-Parent-Call-Id")).isEqualTo("chain:1:b");
        assertThat(last.bodyText()).isEqualTo("c after b after a after start");
        assertThat(functionPaths()).containsExactly("/a", "/b", "/c");
        Request b = functions.requests().get(1);
        assertThat(b.header("X-Call-Id")).isEqualTo("chain:1:b");
        assertThat(b.header("X-Parent-Call-Id")).isEqualTo("chain:1");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertSucceeded("chain:1", "a");
            assertSucceeded("chain:1:b", "b");
            assertSucceeded("chain:1:b:c", "c");
        });
    }

    @Test
    void a_retried_callback_is_a_duplicate_of_the_chained_call_it_made_and_answers_that_calls_id() {
        HttpResponse<String> first = callbackOfA("again:1");
        HttpResponse<String> retried = callbackOfA("again:1");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("X-Call-Id")).contains("again:1:b");
        assertThat(retried.headers().firstValue("X-Call-Id")).contains("again:1:b");
        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 1);
        assertThat(functionPaths()).containsExactly("/b");
    }

    @Test
    void an_id_used_by_another_function_is_a_new_call_and_one_used_by_the_same_function_a_duplicate() {
        assertThat(submit("a", "shared:1").statusCode()).isEqualTo(202);
        assertThat(submit("b", "shared:1").statusCode()).isEqualTo(202);
        assertThat(submit("b", "shared:1").statusCode()).isEqualTo(202);

        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 2);
        assertThat(functionPaths()).containsExactlyInAnyOrder("/a", "/b");
        await().atMost(PATIENCE).untilAsserted(() -> assertSucceeded("shared:1", "a"));
    }

    RunningInvoq startInvoq(String... moreFlags) {
        List<String> flags = new ArrayList<>(List.of("--port=0", "--max-inflight=4", "--duplicate-window=1h",
                "--initial-retry-wait=100ms"));
        flags.addAll(brokerFlags());
        flags.addAll(List.of(moreFlags));
        return RunningInvoq.start(InvoqConfig.load(flags.toArray(String[]::new), Map.of()));
    }

    String gateway(String path) {
        return "http://127.0.0.1:" + invoq.port() + path;
    }

    private HttpResponse<String> submit(String function, String callId) {
        return client.send("POST", "/async-function/" + function, "x", "X-Call-Id", callId,
                "X-Callback-Url", callbacks.url("/done"));
    }

    /** What invoq's worker sends to b when a's call with {@code callId} ends. */
    private HttpResponse<String> callbackOfA(String callId) {
        return client.send("POST", "/async-function/b", "a's answer", "X-Call-Id", callId, "X-Function-Name", "a",
                "X-Function-Status", "200", "X-Callback-Url", callbacks.url("/done"));
    }

    private Response answer(Request request) {
        String step = request.uri().getPath().substring(1);
        String next = switch (step) {
            case "a" -> gateway("/async-function/c");
            case "b" -> callbacks.url("/done");
            default -> null;
        };
        String body = step + " after " + request.bodyText();
        return next == null ? Response.ok(body) : Response.ok(body, "X-Callback-Url", next);
    }

    private List<String> functionPaths() {
        return functions.requests().stream().map(request -> request.uri().getPath()).toList();
    }

    private void assertSucceeded(String callId, String function) {
        JsonNode status = client.getJson("/system/calls/" + callId);
        assertThat(status.get("function").asText()).isEqualTo(function);
        assertThat(status.get("state").asText()).isEqualTo("succeeded");
        assertThat(status.get("attempts").asInt()).isEqualTo(1);
    }
}
