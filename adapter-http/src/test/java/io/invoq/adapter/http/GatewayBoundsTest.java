package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.adapter.http.SecuritySettings.Limits;
import io.invoq.domain.Headers;
import io.invoq.domain.InvocationResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayBoundsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final InvocationResult OK = new InvocationResult(200, Headers.EMPTY, new byte[0], Duration.ZERO);

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    @Test
    void past_max_proxy_inflight_synchronous_calls_are_refused_with_503_while_health_still_answers() {
        RunningGateway gateway = start(SecuritySettings.DEFAULT.with(new Limits(Limits.DEFAULT_MAX_HOPS,
                Limits.DEFAULT_MAX_CONNECTIONS, 2)));
        CompletableFuture<InvocationResult> slowFunction = new CompletableFuture<>();
        gateway.useCases.invocations.answerWhenDone(slowFunction);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> held = List.of(
                client.sendAsync(gateway.request("/function/slow").build(), BodyHandlers.ofString()),
                client.sendAsync(gateway.request("/function/slow").build(), BodyHandlers.ofString()));
        org.awaitility.Awaitility.await().atMost(PATIENCE)
                .until(() -> gateway.useCases.invocations.commands().size() == 2);

        HttpResponse<String> refused = gateway.send(gateway.request("/function/slow"));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(gateway.send(gateway.request("/healthz")).statusCode()).isEqualTo(200);
        assertThat(gateway.send(gateway.request("/async-function/other").POST(
                java.net.http.HttpRequest.BodyPublishers.ofString("x"))).statusCode()).isEqualTo(202);

        slowFunction.complete(OK);
        assertThat(held).allSatisfy(response -> assertThat(response).succeedsWithin(PATIENCE)
                .extracting(HttpResponse::statusCode).isEqualTo(200));
        assertThat(gateway.send(gateway.request("/function/slow")).statusCode()).isEqualTo(200);
    }

    @Test
    void past_max_connections_the_gateway_accepts_no_more_until_one_closes() throws IOException {
        RunningGateway gateway = start(SecuritySettings.DEFAULT.with(new Limits(Limits.DEFAULT_MAX_HOPS, 2,
                Limits.DEFAULT_MAX_PROXY_INFLIGHT)));
        Socket first = idleConnection(gateway);
        idleConnection(gateway);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        CompletableFuture<HttpResponse<String>> third =
                client.sendAsync(gateway.request("/healthz").build(), BodyHandlers.ofString());

        assertThat(third).failsWithin(Duration.ofMillis(500));
        first.close();
        assertThat(third).succeedsWithin(PATIENCE).extracting(HttpResponse::statusCode).isEqualTo(200);
    }

    private RunningGateway start(SecuritySettings security) {
        RunningGateway gateway = new RunningGateway(RunningGateway.DEFAULTS_ON_A_FREE_PORT, security);
        closeables.add(gateway);
        return gateway;
    }

    /** A connection that the gateway has accepted, as its answer to a first request shows, and kept open. */
    private Socket idleConnection(RunningGateway gateway) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port());
        closeables.add(socket);
        socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
        socket.getOutputStream().flush();
        socket.setSoTimeout((int) PATIENCE.toMillis());
        assertThat(new String(socket.getInputStream().readNBytes(12))).isEqualTo("HTTP/1.1 200");
        return socket;
    }
}
