package io.invoq.adapter.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.Injector;
import io.invoq.adapter.http.StubHttpServer.Received;
import io.invoq.domain.CallId;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.FunctionInvoker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFunctionInvokerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Injector outbound = Outbound.wiredWith(ClientSettings.DEFAULT);
    private final FunctionInvoker invoker = outbound.getInstance(FunctionInvoker.class);
    private final StubHttpServer function = new StubHttpServer();

    @AfterEach
    void stopFunction() {
        function.close();
    }

    @Test
    void method_path_query_headers_and_body_reach_the_function() {
        Invocation invocation = invocation("PUT", "/images/large%20one", "width=10&width=20", Headers.of(
                "X-Tenant", "acme", "X-Tag", "first", "X-Tag", "second", "Content-Type", "image/png",
                "X-Callback-Url", "http://hooks.example.com/done"), "pixels");

        assertThat(invoker.invoke(definition(function.uri("/")), invocation, PATIENCE)).succeedsWithin(PATIENCE);

        Received received = function.received().get(0);
        assertThat(received.method()).isEqualTo("PUT");
        assertThat(received.path()).isEqualTo("/images/large%20one");
        assertThat(received.query()).isEqualTo("width=10&width=20");
        assertThat(received.headers().first("X-Tenant")).hasValue("acme");
        assertThat(received.headers().values().get("X-Tag")).containsExactly("first", "second");
        assertThat(received.headers().first("Content-Type")).hasValue("image/png");
        assertThat(received.headers().first("X-Callback-Url")).hasValue("http://hooks.example.com/done");
        assertThat(received.headers().first("X-Call-Id")).hasValue("call-1");
        assertThat(new String(received.body(), UTF_8)).isEqualTo("pixels");
    }

    @Test
    void what_follows_an_invocation_runs_off_the_http_clients_own_threads() {
        CompletableFuture<String> next = invoker.invoke(definition(function.uri("/")), invocation("POST", "", "",
                Headers.EMPTY, "x"), PATIENCE).thenApply(result -> Thread.currentThread().getName());

        assertThat(next).succeedsWithin(PATIENCE).asString().doesNotContain(OutboundClient.THREAD_NAME);
    }

    @Test
    void headers_that_belong_to_the_gateways_hop_are_not_forwarded() {
        Invocation invocation = invocation("POST", "", "", Headers.of(
                "Host", "gateway.example.com", "Content-Length", "999", "Connection", "keep-alive",
                "Transfer-Encoding", "chunked", "Expect", "100-continue", "Upgrade", "h2c", "X-Kept", "yes"), "abc");

        assertThat(invoker.invoke(definition(function.uri("/")), invocation, PATIENCE)).succeedsWithin(PATIENCE);

        Headers received = function.received().get(0).headers();
        assertThat(received.first("Host")).hasValue("127.0.0.1:" + function.uri("/").getPort());
        assertThat(received.first("Content-Length")).hasValue("3");
        assertThat(received.contains("Transfer-Encoding")).isFalse();
        assertThat(received.contains("Expect")).isFalse();
        assertThat(received.contains("Upgrade")).isFalse();
        assertThat(received.first("X-Kept")).hasValue("yes");
    }

    @Test
    void the_path_suffix_and_query_are_added_to_the_functions_own_path_and_query() {
        Invocation invocation = invocation("POST", "/images", "width=10", Headers.EMPTY, "");

        assertThat(invoker.invoke(definition(function.uri("/function/resize/?code=abc")), invocation, PATIENCE))
                .succeedsWithin(PATIENCE);

        Received received = function.received().get(0);
        assertThat(received.path()).isEqualTo("/function/resize/images");
        assertThat(received.query()).isEqualTo("code=abc&width=10");
    }

    @Test
    void the_functions_status_headers_and_body_are_the_result() {
        function.replyWith(201, Headers.of("X-Result", "done"), "resized".getBytes(UTF_8));

        InvocationResult result = invoker.invoke(definition(function.uri("/")), invocation("POST", "", "", Headers.EMPTY, ""),
                PATIENCE).join();

        assertThat(result.status()).isEqualTo(201);
        assertThat(result.origin()).isEqualTo(InvocationResult.Origin.FUNCTION);
        assertThat(result.headers().first("X-Result")).hasValue("done");
        assertThat(new String(result.body(), UTF_8)).isEqualTo("resized");
        assertThat(result.duration()).isPositive();
    }

    @Test
    void a_function_nobody_listens_for_is_unreachable_503() throws IOException {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }

        InvocationResult result = invoker.invoke(definition(closedPort), invocation("POST", "", "", Headers.EMPTY, ""),
                PATIENCE).join();

        assertThat(result.status()).isEqualTo(InvocationResult.UNREACHABLE);
        assertThat(result.origin()).isEqualTo(InvocationResult.Origin.UNREACHABLE);
        assertThat(new String(result.body(), UTF_8)).contains("ConnectException");
    }

    @Test
    void a_function_slower_than_the_timeout_is_timed_out_504() {
        function.stallBeforeHeaders();

        InvocationResult result = invoker.invoke(definition(function.uri("/")), invocation("POST", "", "", Headers.EMPTY, ""),
                Duration.ofMillis(200)).join();

        assertThat(result.status()).isEqualTo(InvocationResult.TIMED_OUT);
        assertThat(result.origin()).isEqualTo(InvocationResult.Origin.TIMED_OUT);
        assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void a_function_that_answers_its_headers_but_not_its_body_within_the_timeout_is_timed_out_504() {
        function.stallBeforeBody();

        InvocationResult result = invoker.invoke(definition(function.uri("/")), invocation("POST", "", "", Headers.EMPTY, ""),
                Duration.ofMillis(200)).join();

        assertThat(result.status()).isEqualTo(InvocationResult.TIMED_OUT);
        assertThat(result.origin()).isEqualTo(InvocationResult.Origin.TIMED_OUT);
    }

    @Test
    void cancelling_the_invocation_aborts_the_request_to_the_function() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> accept(listener));
            CompletableFuture<InvocationResult> result = invoker.invoke(
                    definition(URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/")),
                    invocation("POST", "", "", Headers.EMPTY, "payload"), Duration.ofMinutes(5));
            try (Socket connection = accepted.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                InputStream request = connection.getInputStream();
                assertThat(request.read()).isNotNegative();

                result.cancel(true);

                assertThat(CompletableFuture.supplyAsync(() -> readUntilClosed(request))).succeedsWithin(PATIENCE);
            }
        }
    }

    @Test
    void closing_the_outbound_connections_ends_a_running_invocation_as_unreachable() {
        function.stallBeforeHeaders();
        CompletableFuture<InvocationResult> result = invoker.invoke(definition(function.uri("/")),
                invocation("POST", "", "", Headers.EMPTY, "payload"), Duration.ofMinutes(5));
        await().atMost(PATIENCE).until(() -> !function.received().isEmpty());

        outbound.getInstance(OutboundConnections.class).close();

        assertThat(result).succeedsWithin(PATIENCE)
                .extracting(InvocationResult::origin).isEqualTo(InvocationResult.Origin.UNREACHABLE);
    }

    private static Socket accept(ServerSocket listener) {
        try {
            return listener.accept();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean readUntilClosed(InputStream in) {
        try {
            while (in.read() >= 0) {
                // discard what is left of the request
            }
        } catch (IOException reset) {
            // a reset connection is closed too
        }
        return true;
    }

    @Test
    void the_function_is_told_it_is_one_hop_further_than_the_call_whatever_the_call_claimed_to_forward() {
        assertThat(invoker.invoke(definition(function.uri("/")),
                invocation("POST", "", "", Headers.EMPTY, "first"), PATIENCE)).succeedsWithin(PATIENCE);
        assertThat(invoker.invoke(definition(function.uri("/")),
                invocation("POST", "", "", Headers.of(HopCount.HEADER, "4"), "fifth"), PATIENCE)).succeedsWithin(PATIENCE);

        assertThat(function.received()).extracting(received -> received.headers().values().get(HopCount.HEADER))
                .containsExactly(java.util.List.of("1"), java.util.List.of("5"));
    }

    private static FunctionDefinition definition(URI url) {
        return new FunctionDefinition(new FunctionName("resize"), url, Map.of());
    }

    private static Invocation invocation(String method, String path, String query, Headers headers, String body) {
        Instant now = Instant.now();
        return new Invocation(new CallId("call-1"), new FunctionName("resize"), QueueName.DEFAULT, method, path, query,
                headers, body.getBytes(UTF_8), Optional.empty(), now, now);
    }
}
