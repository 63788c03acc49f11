package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.invoq.app.RecordingHttpServer.Response;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Authentication of the HTTP API, over real sockets: each protected route without, with wrong and with right credentials. */
class AuthEndToEndTest {

    private static final String SUBMITTER = "submit-token-0123456789";
    private static final String READER = "read-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";
    private static final String PASSWORD = "s3cret-passw0rd";

    @TempDir
    Path secrets;
    private final RecordingHttpServer function = RecordingHttpServer.answering(Response.ok("done"));
    private RunningInvoq invoq;
    private InvoqClient client;

    @AfterEach
    void stop() {
        if (invoq != null) {
            invoq.close();
        }
        function.close();
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /system/functions",
        "POST, /system/functions",
        "GET, /system/functions/echo",
        "DELETE, /system/functions/nothing",
        "GET, /system/calls/call-1",
        "GET, /system/queues",
        "DELETE, /system/queues/faas-request/messages",
        "GET, /system/queues/faas-request/dead-letters",
        "POST, /system/queues/faas-request/dead-letters/call-1/replay",
        "DELETE, /async-function/call-1",
    })
    void with_basic_auth_each_admin_route_needs_the_user_and_password(String method, String path) throws IOException {
        startWithBasicAuth();
        String body = method.equals("POST") ? "{\"name\":\"other\",\"url\":\"" + function.url("/") + "\"}" : null;

        HttpResponse<String> without = client.send(method, path, body);
        HttpResponse<String> wrong = client.send(method, path, body, "Authorization", basic("admin", "guess"));
        HttpResponse<String> right = client.send(method, path, body, "Authorization", basic("admin", PASSWORD));

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic realm=\"invoq\""));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(PASSWORD, "guess");
        assertThat(right.statusCode()).isNotIn(401, 403);
    }

    @Test
    void with_basic_auth_health_metrics_and_submissions_stay_open() throws IOException {
        startWithBasicAuth();

        assertThat(client.send("GET", "/healthz", null).statusCode()).isEqualTo(200);
        assertThat(client.send("GET", "/readyz", null).statusCode()).isEqualTo(200);
        assertThat(client.send("GET", "/metrics", null).statusCode()).isEqualTo(200);
        assertThat(client.send("POST", "/async-function/echo", "x").statusCode()).isEqualTo(202);
        assertThat(client.send("GET", "/function/echo", null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_may_do_what_its_scopes_say_and_no_more() throws IOException {
        startWithTokens("--auth-submit=true", "--metrics-auth=true");

        assertStatuses("POST", "/async-function/echo", 401, 202, 403, 202);
        assertStatuses("GET", "/function/echo", 401, 200, 403, 200);
        assertStatuses("GET", "/system/functions", 401, 403, 200, 200);
        assertStatuses("GET", "/metrics", 401, 403, 200, 200);
        assertStatuses("DELETE", "/system/functions/nothing", 401, 403, 403, 404);
        assertThat(client.send("GET", "/system/functions", null, "Authorization", "Bearer wrong-token-0123456789")
                .statusCode()).isEqualTo(401);
        assertThat(client.send("GET", "/system/functions", null).headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"invoq\"");
        assertThat(client.send("GET", "/healthz", null).statusCode()).isEqualTo(200);
    }

    @Test
    void invoqs_credentials_are_not_passed_on_to_the_function() throws IOException {
        startWithTokens("--auth-submit=true");

        assertThat(client.send("POST", "/async-function/echo", "x", "Authorization", "Bearer " + SUBMITTER)
                .statusCode()).isEqualTo(202);
        assertThat(client.send("GET", "/function/echo", null, "Authorization", "Bearer " + SUBMITTER).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> function.requests().size() == 2);
        assertThat(function.requests()).allSatisfy(request -> assertThat(request.header("Authorization")).isNull());
    }

    @Test
    void unusable_secret_files_stop_invoq_at_start_up_naming_the_key_and_showing_no_secret() throws IOException {
        assertThatThrownBy(() -> load("--basic-auth=true", "--secret-mount-path=" + secrets))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("secret_mount_path").hasMessageContaining("basic-auth-user");
        Path tokens = Files.writeString(secrets.resolve("tokens"), ADMIN + " admin\n" + SUBMITTER + " submit,everything\n");
        assertThatThrownBy(() -> load("--auth-tokens-file=" + tokens))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("auth_tokens_file").hasMessageContaining("line 2")
                .hasMessageNotContaining(SUBMITTER).hasMessageNotContaining(ADMIN);
        assertThatThrownBy(() -> load("--auth-submit=true"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("auth_submit");
    }

    private void assertStatuses(String method, String path, int without, int submitter, int reader, int admin) {
        String body = method.equals("POST") ? "x" : null;
        assertThat(List.of(
                client.send(method, path, body).statusCode(),
                client.send(method, path, body, "Authorization", "Bearer " + SUBMITTER).statusCode(),
                client.send(method, path, body, "Authorization", "Bearer " + READER).statusCode(),
                client.send(method, path, body, "Authorization", "Bearer " + ADMIN).statusCode()))
                .as(method + " " + path + " without credentials, as submitter, reader, admin")
                .containsExactly(without, submitter, reader, admin);
    }

    private void startWithBasicAuth() throws IOException {
        Files.writeString(secrets.resolve("basic-auth-user"), "admin\n");
        Files.writeString(secrets.resolve("basic-auth-password"), PASSWORD + "\n");
        start("--basic-auth=true", "--secret-mount-path=" + secrets);
    }

    private void startWithTokens(String... flags) throws IOException {
        Path tokens = Files.writeString(secrets.resolve("tokens"), String.join("\n",
                "# who may do what", SUBMITTER + " submit", READER + " read", ADMIN + " admin"));
        List<String> all = new ArrayList<>(List.of("--auth-tokens-file=" + tokens));
        all.addAll(List.of(flags));
        start(all.toArray(String[]::new));
    }

    private void start(String... flags) {
        invoq = RunningInvoq.start(load(flags));
        client = new InvoqClient(invoq.port());
        String admin = "Bearer " + ADMIN;
        HttpResponse<String> registered = client.send("POST", "/system/functions",
                "{\"name\":\"echo\",\"url\":\"" + function.url("/") + "\"}", "Content-Type", "application/json",
                "Authorization", invoqHasTokens(flags) ? admin : basic("admin", PASSWORD));
        assertThat(registered.statusCode()).isEqualTo(201);
    }

    private static boolean invoqHasTokens(String... flags) {
        return List.of(flags).stream().anyMatch(flag -> flag.startsWith("--auth-tokens-file"));
    }

    private static InvoqConfig load(String... flags) {
        List<String> all = new ArrayList<>(List.of("--port=0"));
        all.addAll(List.of(flags));
        return InvoqConfig.load(all.toArray(String[]::new), Map.of());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
