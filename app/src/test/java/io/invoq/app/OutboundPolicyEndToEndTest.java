package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.invoq.app.RecordingHttpServer.Response;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where invoq may send requests (server-side request forgery), over real sockets. */
class OutboundPolicyEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String METADATA = "http://169.254.169.254/latest/meta-data/";

    private final RecordingHttpServer function = RecordingHttpServer.answering(Response.ok("done"));
    private final RecordingHttpServer callbacks = RecordingHttpServer.answering(Response.status(204));
    private RunningInvoq invoq;
    private InvoqClient client;

    @AfterEach
    void stop() {
        if (invoq != null) {
            invoq.close();
        }
        function.close();
        callbacks.close();
    }

    @Test
    void by_default_the_quick_start_works_and_cloud_metadata_is_refused_at_submission_and_registration() {
        start();

        assertThat(client.registerFunction("echo", function.url("/")).statusCode()).isEqualTo(201);
        assertThat(submitWithCallback(callbacks.url("/done")).statusCode()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 1);

        HttpResponse<String> callback = submitWithCallback(METADATA);
        HttpResponse<String> registration = client.registerFunction("meta", METADATA);

        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(callback.body()).isEqualTo("X-Callback-Url refused: 169.254.169.254 is a link-local (cloud metadata) "
                + "address, refused by the standard outbound_profile; allow it by address in callback_allow");
        assertThat(registration.statusCode()).isEqualTo(400);
        assertThat(registration.body()).contains("function_url_allow");
        assertThat(client.send("GET", "/system/functions/meta", null).statusCode()).isEqualTo(404);
    }

    @Test
    void an_address_in_the_allow_list_is_allowed_even_where_the_profile_refuses_it() {
        start("--callback-allow=169.254.169.254", "--function-url-allow=169.254.169.254, 127.0.0.1");
        assertThat(client.registerFunction("echo", function.url("/")).statusCode()).isEqualTo(201);

        assertThat(submitWithCallback(METADATA).statusCode()).isEqualTo(202);
        assertThat(client.registerFunction("meta", METADATA).statusCode()).isEqualTo(201);
        HttpResponse<String> elsewhere = client.registerFunction("elsewhere", "http://10.0.0.1:8080/");
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).isEqualTo("function URL refused: 10.0.0.1 is not in function_url_allow");
    }

    @Test
    void the_hardened_profile_refuses_loopback_unless_allowed_by_address() {
        start("--outbound-profile=hardened", "--function-url-allow=127.0.0.1");

        assertThat(client.registerFunction("echo", function.url("/")).statusCode()).isEqualTo(201);
        HttpResponse<String> refused = submitWithCallback(callbacks.url("/done"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("127.0.0.1 is a loopback address, refused by the hardened outbound_profile");
    }

    @Test
    void a_name_that_resolves_to_a_refused_address_is_refused_when_invoq_connects() {
        start("--outbound-profile=hardened");
        String rebinding = function.url("/").replace("127.0.0.1", "localhost");

        assertThat(client.registerFunction("rebound", rebinding).statusCode()).isEqualTo(201);
        HttpResponse<String> answer = client.send("GET", "/function/rebound", null);

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).contains("localhost (127.0.0.1) is a loopback address");
        assertThat(function.requests()).isEmpty();
    }

    @Test
    void functions_found_through_upstream_url_obey_the_function_url_policy() {
        start("--upstream-url=http://169.254.169.254/function/{name}");

        HttpResponse<String> answer = client.send("GET", "/function/anything", null);

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).contains("169.254.169.254 is a link-local (cloud metadata) address");
    }

    @Test
    void an_unreadable_allow_list_stops_invoq_at_start_up_naming_the_key() {
        assertThatThrownBy(() -> InvoqConfig.load(
                        new String[] {"--callback-allow=10.0.0.0/99"}, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("callback_allow");
    }

    private void start(String... flags) {
        List<String> all = new ArrayList<>(List.of("--port=0"));
        all.addAll(List.of(flags));
        invoq = RunningInvoq.start(InvoqConfig.load(all.toArray(String[]::new), Map.of()));
        client = new InvoqClient(invoq.port());
    }

    private HttpResponse<String> submitWithCallback(String url) {
        return client.send("POST", "/async-function/echo", "x", "X-Callback-Url", url);
    }
}
