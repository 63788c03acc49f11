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

/** Callbacks and function URLs pointed at invoq's own admin routes, as a black-box campaign did. */
class OwnAdminRoutesEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PWNED = "{\"name\":\"pwned\",\"url\":\"http://127.0.0.1:9/\"}";

    private final RecordingHttpServer function = RecordingHttpServer.answering(
            Response.ok(PWNED, "Content-Type", "application/json"));
    private RunningInvoq invoq;
    private InvoqClient client;
    private String admin;

    @BeforeEach
    void start() {
        invoq = RunningInvoq.start(InvoqConfig.load(new String[] {"--port=0"}, Map.of()));
        client = new InvoqClient(invoq.port());
        admin = "http://127.0.0.1:" + invoq.port() + "/system";
        client.registerFunction("echo", function.url("/"));
    }

    @AfterEach
    void stop() {
        invoq.close();
        function.close();
    }

    @Test
    void a_callback_to_invoqs_own_function_registration_registers_nothing() {
        assertThat(client.send("POST", "/async-function/echo", "x", "X-Callback-Url", admin + "/functions")
                .statusCode()).isEqualTo(202);

        // a 403 is not retried: the callback is given up on at once
        await().atMost(PATIENCE).until(() -> MetricsPage.scrape(client).value(
                "invoq_callback_failures_total", "function_name", "echo") >= 1);
        assertThat(client.send("GET", "/system/functions/pwned", null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_function_registered_at_invoqs_own_admin_routes_reaches_none_of_them() {
        client.registerFunction("lister", admin + "/functions");
        client.registerFunction("purger", admin + "/queues/faas-request/messages");

        HttpResponse<String> listing = client.send("GET", "/function/lister", null);
        HttpResponse<String> registering = client.send("POST", "/function/lister", PWNED);
        HttpResponse<String> purging = client.send("DELETE", "/function/purger", null);

        assertThat(listing.statusCode()).isEqualTo(403);
        assertThat(listing.body()).doesNotContain("lister");
        assertThat(registering.statusCode()).isEqualTo(403);
        assertThat(purging.statusCode()).isEqualTo(403);
        assertThat(client.send("GET", "/system/functions/pwned", null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_call_cannot_be_cancelled_by_a_request_invoq_sent() {
        HttpResponse<String> accepted = client.send("POST", "/async-function/echo", "x", "X-Delay", "1h");
        String callId = accepted.headers().firstValue("X-Call-Id").orElseThrow();
        client.registerFunction("canceller", "http://127.0.0.1:" + invoq.port() + "/async-function/" + callId);

        assertThat(client.send("DELETE", "/function/canceller", null).statusCode()).isEqualTo(403);
        assertThat(client.getJson("/system/calls/" + callId).get("state").asText()).isEqualTo("queued");
    }
}
