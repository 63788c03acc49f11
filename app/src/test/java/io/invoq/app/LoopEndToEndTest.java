package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.invoq.app.RecordingHttpServer.Response;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Functions and callbacks that lead back to invoq itself, stopped at max_hops, over real sockets. */
class LoopEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int MAX_HOPS = 8;

    private RunningInvoq invoq;
    private RecordingHttpServer function;

    @AfterEach
    void stop() {
        if (invoq != null) {
            invoq.close();
        }
        if (function != null) {
            function.close();
        }
    }

    @Test
    void a_function_registered_at_its_own_synchronous_route_is_stopped_at_max_hops_with_508() {
        invoq = start();
        InvoqClient client = new InvoqClient(invoq.port());
        client.registerFunction("self", "http://127.0.0.1:" + invoq.port() + "/function/self");

        HttpResponse<String> answer = client.send("GET", "/function/self", null);

        assertThat(answer.statusCode()).isEqualTo(508);
        assertThat(answer.body()).contains("max_hops " + MAX_HOPS);
        assertThat(client.send("GET", "/healthz", null).statusCode()).isEqualTo(200);
        assertThat(MetricsPage.scrape(client).value("invoq_gateway_request_duration_seconds_count",
                "route", "/function/{name}", "code", "508")).isEqualTo(MAX_HOPS + 1);
    }

    @Test
    void a_callback_that_submits_its_call_again_is_stopped_at_max_hops() {
        invoq = start("--duplicate-window=0s");
        InvoqClient client = new InvoqClient(invoq.port());
        String again = "http://127.0.0.1:" + invoq.port() + "/async-function/echo";
        // the function's answer headers go into the callback, which so becomes the same submission again
        function = RecordingHttpServer.answering(Response.ok("again", "X-Callback-Url", again));
        client.registerFunction("echo", function.url("/"));

        assertThat(client.send("POST", "/async-function/echo", "start", "X-Callback-Url", again).statusCode())
                .isEqualTo(202);

        await().atMost(PATIENCE).until(() -> MetricsPage.scrape(client).value(
                "invoq_gateway_request_duration_seconds_count", "method", "POST", "code", "508") >= 1);
        assertThat(function.requests()).extracting(request -> request.header("X-Invoq-Hops"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, MAX_HOPS + 1).mapToObj(Integer::toString).toList());
    }

    private static RunningInvoq start(String... flags) {
        List<String> all = new java.util.ArrayList<>(List.of("--port=0", "--max-inflight=4"));
        all.addAll(List.of(flags));
        return RunningInvoq.start(InvoqConfig.load(all.toArray(String[]::new), Map.of()));
    }
}
