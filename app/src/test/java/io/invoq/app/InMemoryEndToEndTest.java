package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.invoq.app.RecordingHttpServer.Response;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole path on the in-memory broker: submit → worker → function → callback, over real sockets. */
class InMemoryEndToEndTest {

    private final RecordingHttpServer function = RecordingHttpServer.answering(
            Response.ok("hello back", "Content-Type", "text/plain", "X-Answer", "42"));
    private final RecordingHttpServer callbacks = RecordingHttpServer.answering(Response.status(204));
    private RunningInvoq invoq;
    private InvoqClient client;

    @BeforeEach
    void start() {
        invoq = RunningInvoq.start(InvoqConfig.load(new String[] {"--port=0", "--max-inflight=4"}, Map.of()));
        client = new InvoqClient(invoq.port());
        assertThat(client.registerFunction("echo", function.url("/fn")).statusCode()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        invoq.close();
        function.close();
        callbacks.close();
    }

    @Test
    void a_submitted_call_reaches_the_function_as_sent_and_its_result_reaches_the_callback() {
        HttpResponse<String> accepted = client.send("PUT", "/async-function/echo/orders/42?sort=asc&x=1", "hello",
                "X-Callback-Url", callbacks.url("/done"), "X-Call-Id", "call-1", "X-Custom", "kept");

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).isEmpty();
        assertThat(accepted.headers().firstValue("X-Call-Id")).contains("call-1");
        assertThat(accepted.headers().firstValue("X-Start-Time")).hasValueSatisfying(
                nanos -> assertThat(Long.parseLong(nanos)).isGreaterThan(1_700_000_000_000_000_000L));

        await().atMost(Duration.ofSeconds(20)).until(() -> callbacks.requests().size() == 1);
        RecordingHttpServer.Request invoked = function.requests().get(0);
        assertThat(invoked.method()).isEqualTo("PUT");
        assertThat(invoked.uri().toString()).isEqualTo("/fn/orders/42?sort=asc&x=1");
        assertThat(invoked.bodyText()).isEqualTo("hello");
        assertThat(invoked.header("X-Custom")).isEqualTo("kept");
        assertThat(invoked.header("X-Call-Id")).isEqualTo("call-1");
        assertThat(invoked.header("X-Start-Time")).isEqualTo(accepted.headers().firstValue("X-Start-Time").orElseThrow());

        RecordingHttpServer.Request callback = callbacks.requests().get(0);
        assertThat(callback.method()).isEqualTo("POST");
        assertThat(callback.uri().getPath()).isEqualTo("/done");
        assertThat(callback.bodyText()).isEqualTo("hello back");
        assertThat(callback.header("X-Call-Id")).isEqualTo("call-1");
        assertThat(callback.header("X-Function-Name")).isEqualTo("echo");
        assertThat(callback.header("X-Function-Status")).isEqualTo("200");
        assertThat(callback.header("X-Answer")).isEqualTo("42");
        assertThat(callback.header("X-Duration-Seconds")).matches("\\d+\\.\\d{6}");
        assertThat(callback.header("X-Start-Time")).isEqualTo(accepted.headers().firstValue("X-Start-Time").orElseThrow());
        assertThat(callback.header("X-Retry")).isEqualTo("1");
        assertThat(callback.header("X-Retry-Max")).isEqualTo("10");
    }

    @Test
    void the_same_call_id_submitted_twice_is_accepted_twice_and_invoked_once() {
        for (int i = 0; i < 2; i++) {
            assertThat(client.send("POST", "/async-function/echo", "once", "X-Call-Id", "dup-1",
                    "X-Callback-Url", callbacks.url("/done")).statusCode()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> callbacks.requests().size() == 1);
        assertThat(client.send("POST", "/async-function/echo", "marker", "X-Callback-Url", callbacks.url("/done"))
                .statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> callbacks.requests().size() == 2);
        assertThat(function.requests()).extracting(RecordingHttpServer.Request::bodyText).containsExactly("once", "marker");
    }

    @Test
    void a_call_without_a_callback_url_is_still_invoked() {
        assertThat(client.send("POST", "/async-function/echo", "fire and forget").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> function.requests().size() == 1);
    }

    @Test
    void bad_submissions_are_refused_with_a_reason_and_nothing_is_queued() {
        assertThat(client.send("POST", "/async-function/nope", "x").statusCode()).isEqualTo(404);
        assertThat(client.send("GET", "/async-function/echo", null).statusCode()).isEqualTo(405);
        HttpResponse<String> badCallback = client.send("POST", "/async-function/echo", "x", "X-Callback-Url", "ftp://host/x");
        assertThat(badCallback.statusCode()).isEqualTo(400);
        assertThat(badCallback.body()).containsIgnoringCase("callback");
        assertThat(client.send("POST", "/async-function/echo", "x", "X-Call-Id", "has space").statusCode()).isEqualTo(400);
        assertThat(client.send("POST", "/async-function/echo", "x".repeat(1_048_577)).statusCode()).isEqualTo(413);

        assertThat(client.send("POST", "/async-function/echo", "the only one").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> function.requests().size() == 1);
        assertThat(function.requests()).extracting(RecordingHttpServer.Request::bodyText).containsExactly("the only one");
    }

    @Test
    void health_and_readiness_answer() {
        assertThat(client.send("GET", "/healthz", null).statusCode()).isEqualTo(200);
        assertThat(client.send("GET", "/readyz", null).statusCode()).isEqualTo(200);
    }
}
