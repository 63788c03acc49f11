package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} passes Prometheus's own parser and linter, {@code promtool check metrics}
 * (Debian package {@code prometheus}), with no warning on invoq's own families: those of the JVM's
 * binders ({@code jvm_}, {@code process_}, {@code system_}) keep Micrometer's standard names. Skipped
 * where promtool is not installed, except in CI, which installs it.
 */
class PrometheusFormatTest {

    /** Families invoq does not name: Micrometer's JVM and system binders. */
    private static final List<String> NOT_INVOQS = List.of("jvm_", "process_", "system_");

    private final RecordingHttpServer function = RecordingHttpServer.answering(RecordingHttpServer.Response.ok("ok"));
    private final RunningInvoq invoq = RunningInvoq.start(InvoqConfig.load(new String[] {"--port=0"}, Map.of()));
    private final InvoqClient client = new InvoqClient(invoq.port());

    @AfterEach
    void stop() {
        invoq.close();
        function.close();
    }

    @Test
    void every_family_parses_and_invoqs_own_draw_no_warning() throws IOException, InterruptedException {
        Path promtool = promtool();
        client.registerFunction("echo", function.url("/"));
        client.send("POST", "/function/echo.openfaas-fn", "now");
        client.send("POST", "/async-function/echo", "later");
        String page = client.send("GET", "/metrics", null).body();
        assertThat(page).contains("gateway_function_invocation_total", "http_request_duration_seconds_bucket",
                "queue_worker_messages_submitted_total");

        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> problems = said.lines().filter(line -> !line.isBlank())
                .filter(line -> NOT_INVOQS.stream().noneMatch(line::startsWith)).toList();
        assertThat(problems).as("promtool check metrics on invoq's families").isEmpty();
        // 0: clean; 3: lint warnings only, all on the JVM's families above; anything else: unparseable
        assertThat(check.exitValue()).as("promtool's exit code; it said: %s", said).isIn(0, 3);
    }

    /** promtool on the PATH: a failure in CI (env CI=true), which installs it, else the test is skipped. */
    private static Path promtool() {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "promtool"))
                .filter(Files::isExecutable)
                .findFirst();
        if ("true".equals(System.getenv("CI"))) {
            assertThat(found).as("promtool (Debian package prometheus), which .ci/run installs").isPresent();
        }
        assumeThat(found).as("promtool is installed").isPresent();
        return found.orElseThrow();
    }
}
