package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoq.app.RecordingHttpServer.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the jar, run as users run it, writes to its log: JSON when asked, and never a credential or a body unless debugging. */
class LogsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String BODY = "SECRET-BODY-4 is the start of a long body";
    private static final String[] SECRET_HEADERS = {
        "Authorization", "Bearer SECRET-TOKEN-1",
        "Cookie", "session=SECRET-COOKIE-2",
        "X-Api-Key", "SECRET-KEY-3",
        "Proxy-Authorization", "Basic SECRET-PROXY-5",
        "X-Private-Key", "SECRET-PRIVATE-6",
        "X-Pass", "SECRET-PASS-7",
    };

    private final RecordingHttpServer function = RecordingHttpServer.answering(Response.ok("the answer"));
    private final RecordingHttpServer callbacks = new RecordingHttpServer(request ->
            Response.status(request.uri().getPath().equals("/refused") ? 400 : 204));

    @AfterEach
    void stop() {
        function.close();
        callbacks.close();
    }

    @Test
    void with_log_encoding_json_every_line_on_stdout_is_one_json_object_and_a_calls_events_carry_its_id_and_fields() {
        String stdout = runOneCall("json-call-1", "/done", "--log-encoding=json").stdout();

        List<JsonNode> lines = stdout.lines().map(LogsIT::json).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line.path("formattedMessage").asText()).startsWith("invoq all mode on port"));
        assertThat(lines).anySatisfy(line -> assertThat(line.path("formattedMessage").asText()).isEqualTo("stopped"));
        JsonNode attempt = lines.stream()
                .filter(line -> line.path("mdc").path("call_id").asText().equals("json-call-1"))
                .filter(line -> line.path("formattedMessage").asText().startsWith("attempt finished"))
                .findFirst().orElseThrow(() -> new AssertionError("no attempt event of json-call-1 in\n" + stdout));
        assertThat(attempt.path("level").asText()).isEqualTo("INFO");
        assertThat(attempt.path("loggerName").asText()).isEqualTo("io.invoq.calls");
        assertThat(attempt.path("mdc").path("function").asText()).isEqualTo("echo");
        assertThat(attempt.path("mdc").path("queue").asText()).isEqualTo("faas-request");
        assertThat(attempt.path("mdc").path("attempt").asText()).isEqualTo("1");
        assertThat(attempt.path("mdc").path("status").asText()).isEqualTo("200");
        assertThat(attempt.path("mdc").path("duration_ms").asText()).containsOnlyDigits();
    }

    @Test
    void without_debug_neither_credentials_nor_the_body_of_a_call_appear_in_the_log() {
        String log = runOneCall("plain-call-1", "/refused").log();

        assertThat(log).contains("plain-call-1").contains("callback failed for good")
                .doesNotContain("SECRET-");
    }

    @Test
    void with_debug_a_submission_is_logged_with_its_credentials_redacted_and_only_the_start_of_its_body() {
        String stdout = runOneCall("debug-call-1", "/done", "--debug", "--log-encoding=json").stdout();

        List<JsonNode> lines = stdout.lines().map(LogsIT::json).toList();
        String queued = lines.stream()
                .filter(line -> line.path("mdc").path("call_id").asText().equals("debug-call-1"))
                .map(line -> line.path("formattedMessage").asText())
                .filter(message -> message.startsWith("call queued"))
                .findFirst().orElseThrow(() -> new AssertionError("no submission event of debug-call-1 in\n" + stdout));
        assertThat(queued).contains("SECRET-BODY-4", "X-Trace=[visible-trace]", "[redacted]")
                .doesNotContain("SECRET-TOKEN-1", "SECRET-COOKIE-2", "SECRET-KEY-3", "SECRET-PROXY-5")
                .doesNotContain("SECRET-PRIVATE-6", "SECRET-PASS-7")
                .doesNotContain("x".repeat(SubmissionDetails.BODY_PREFIX_BYTES));
        assertThat(stdout).doesNotContain("SECRET-TOKEN-1", "SECRET-COOKIE-2", "SECRET-KEY-3", "SECRET-PROXY-5",
                "SECRET-PRIVATE-6", "SECRET-PASS-7");
    }

    @Test
    void an_invalid_nats_url_stops_the_jar_with_exit_code_2_and_one_line_naming_the_key_without_the_password()
            throws Exception {
        Path err = Files.createTempFile("invoq-", ".err");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("invoq.jar"), "--broker=jetstream", "--nats-url=nats://user:SECRET-NATS@:bad:port")
                .redirectErrorStream(true).redirectOutput(err.toFile()).start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(err);
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output.lines()).singleElement(STRING)
                .startsWith("invoq: invalid configuration: nats_url=").doesNotContain("SECRET-NATS");
    }

    /** What a stopped jar wrote: its stdout, and its stdout then its stderr. */
    private record Output(String stdout, String log) {
    }

    /** Runs the jar with these flags, makes one call carrying credentials and a body, and stops the jar. */
    private Output runOneCall(String callId, String callbackPath, String... flags) {
        try (InvoqProcess invoq = InvoqProcess.start(flags)) {
            InvoqClient client = invoq.client();
            assertThat(client.registerFunction("echo", function.url("/")).statusCode()).isEqualTo(201);
            String[] headers = concat(SECRET_HEADERS, "X-Call-Id", callId, "X-Trace", "visible-trace",
                    "X-Callback-Url", callbacks.url(callbackPath));
            assertThat(client.send("POST", "/async-function/echo", BODY + "x".repeat(1000), headers).statusCode())
                    .isEqualTo(202);
            await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 1);
            invoq.terminate();
            assertThat(invoq.awaitExit()).as("exit code; log:\n%s", invoq.log()).isZero();
            return new Output(invoq.stdout(), invoq.log());
        }
    }

    private static JsonNode json(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
            return node;
        } catch (JsonProcessingException e) {
            throw new AssertionError("not one JSON object: " + line, e);
        }
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), java.util.stream.Stream.of(more))
                .toArray(String[]::new);
    }
}
