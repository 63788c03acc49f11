package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.CallId;
import io.invoq.ports.in.SubmitInvocationCommand;
import io.invoq.ports.in.SubmitInvocationCommand.After;
import io.invoq.ports.in.SubmitInvocationCommand.NotBefore;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubmittingTest {

    private final RunningGateway gateway = RunningGateway.withDefaults();
    private final RecordingSubmissions submissions = gateway.useCases.submissions;

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void an_accepted_call_is_answered_202_with_an_empty_body_its_call_id_and_start_time_in_epoch_nanoseconds() {
        HttpResponse<String> response = gateway.send(gateway.request("/async-function/resize")
                .POST(BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("X-Call-Id")).hasValue("generated-id");
        assertThat(response.headers().firstValue("X-Start-Time")).hasValue("1893553445123456789");
    }

    @Test
    void a_duplicate_call_is_answered_202_too() {
        submissions.treatAsDuplicates();

        HttpResponse<String> response = gateway.send(gateway.request("/async-function/resize")
                .header("X-Call-Id", "order-42").POST(BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("X-Call-Id")).hasValue("order-42");
    }

    @Test
    void method_path_suffix_query_headers_and_body_reach_the_use_case_as_sent() {
        gateway.send(gateway.request("/async-function/resize.v2/images/large%20one?width=10&width=20&q=a%2Bb")
                .header("X-Tenant", "acme")
                .header("X-Tag", "first")
                .header("X-Tag", "second")
                .header("Content-Type", "image/png")
                .PUT(BodyPublishers.ofByteArray(new byte[] {0, 1, 2, (byte) 255})));

        SubmitInvocationCommand command = submissions.onlyCommand();
        assertThat(command.function().value()).isEqualTo("resize.v2");
        assertThat(command.method()).isEqualTo("PUT");
        assertThat(command.path()).isEqualTo("/images/large%20one");
        assertThat(command.query()).isEqualTo("width=10&width=20&q=a%2Bb");
        assertThat(command.headers().first("X-Tenant")).hasValue("acme");
        assertThat(command.headers().values().get("x-tag")).containsExactly("first", "second");
        assertThat(command.headers().first("Content-Type")).hasValue("image/png");
        assertThat(command.body()).containsExactly(0, 1, 2, 255);
    }

    @Test
    void a_call_without_path_suffix_query_or_steering_headers_has_them_empty() {
        gateway.send(gateway.request("/async-function/resize").method("PATCH", BodyPublishers.noBody()));

        SubmitInvocationCommand command = submissions.onlyCommand();
        assertThat(command.method()).isEqualTo("PATCH");
        assertThat(command.path()).isEmpty();
        assertThat(command.query()).isEmpty();
        assertThat(command.body()).isEmpty();
        assertThat(command.callId()).isEmpty();
        assertThat(command.callbackUrl()).isEmpty();
        assertThat(command.start()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH"})
    void each_method_that_carries_a_body_is_accepted_and_kept(String method) {
        HttpResponse<String> response = gateway.send(gateway.request("/async-function/resize/sub")
                .method(method, BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(submissions.onlyCommand().method()).isEqualTo(method);
    }

    @Test
    void the_callers_call_id_and_callback_url_are_kept() {
        HttpResponse<String> response = gateway.send(gateway.request("/async-function/resize")
                .header("X-Call-Id", "tenant-1:order_42.v1")
                .header("X-Callback-Url", "https://hooks.example.com/done?token=abc")
                .POST(BodyPublishers.noBody()));

        assertThat(response.headers().firstValue("X-Call-Id")).hasValue("tenant-1:order_42.v1");
        SubmitInvocationCommand command = submissions.onlyCommand();
        assertThat(command.callId()).contains(new CallId("tenant-1:order_42.v1"));
        assertThat(command.callbackUrl()).contains(URI.create("https://hooks.example.com/done?token=abc"));
        assertThat(command.headers().first("X-Callback-Url")).hasValue("https://hooks.example.com/done?token=abc");
    }

    @ParameterizedTest
    @CsvSource({"90, PT1M30S", "90s, PT1M30S", "5m, PT5M", "1h30m, PT1H30M", "0.5, PT0.5S", "250ms, PT0.25S"})
    void x_delay_in_seconds_or_as_a_go_duration_defers_the_start(String header, Duration delay) {
        gateway.send(gateway.request("/async-function/resize").header("X-Delay", header).POST(BodyPublishers.noBody()));

        assertThat(submissions.onlyCommand().start()).contains(new After(delay));
    }

    @ParameterizedTest
    @CsvSource({
        "2030-01-02T03:04:05Z, 2030-01-02T03:04:05Z",
        "2030-01-02t05:04:05.5+02:00, 2030-01-02T03:04:05.5Z",
        "1893553445, 2030-01-02T03:04:05Z"})
    void x_not_before_as_rfc_3339_or_epoch_seconds_defers_the_start(String header, Instant time) {
        var settings = new GatewaySettings(0, GatewaySettings.DEFAULT_MAX_REQUEST_BYTES, Duration.ofDays(365 * 20));
        try (RunningGateway patientGateway = new RunningGateway(settings)) {
            patientGateway.send(patientGateway.request("/async-function/resize")
                    .header("X-Not-Before", header).POST(BodyPublishers.noBody()));

            assertThat(patientGateway.useCases.submissions.onlyCommand().start()).contains(new NotBefore(time));
        }
    }

    @Test
    void a_not_before_time_in_the_past_is_accepted() {
        gateway.send(gateway.request("/async-function/resize")
                .header("X-Not-Before", "2001-01-01T00:00:00Z").POST(BodyPublishers.noBody()));

        assertThat(submissions.onlyCommand().start())
                .contains(new NotBefore(Instant.parse("2001-01-01T00:00:00Z")));
    }

    @Test
    void a_body_of_exactly_the_maximum_size_is_accepted() {
        byte[] body = "x".repeat((int) GatewaySettings.DEFAULT_MAX_REQUEST_BYTES).getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> response = gateway.send(gateway.request("/async-function/resize")
                .POST(BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(submissions.onlyCommand().body()).hasSize(body.length);
    }

    @Test
    void a_chunked_body_without_content_length_is_read_whole() {
        gateway.send(gateway.request("/async-function/resize").POST(BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream("streamed body".getBytes(StandardCharsets.UTF_8)))));

        SubmitInvocationCommand command = submissions.onlyCommand();
        assertThat(command.headers().first("Transfer-Encoding")).hasValue("chunked");
        assertThat(new String(command.body(), StandardCharsets.UTF_8)).isEqualTo("streamed body");
    }
}
