package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.ports.in.FunctionNotCallableException;
import io.invoq.ports.in.UnknownFunctionException;
import io.invoq.ports.out.PublishOutcomeUnknownException;
import io.invoq.ports.out.QueueFullException;
import io.invoq.ports.out.QueueUnavailableException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionRefusalTest {

    private static final int MAX_BYTES = 64 * 1024;

    private final RunningGateway gateway =
            new RunningGateway(new GatewaySettings(0, MAX_BYTES, Duration.ofHours(1)));
    private final RecordingSubmissions submissions = gateway.useCases.submissions;

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"re$ize", "%2E%2E", "caf%C3%A9", "a%20b"})
    void a_bad_function_name_is_refused_with_400(String name) {
        HttpResponse<String> response = submit(name, "X-Unused", "none");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("function name must match [-a-zA-Z_0-9.]+");
        assertThat(submissions.commands()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relative/path", "ftp://files.example.com/done", "mailto:ops@example.com", "http://"})
    void a_callback_url_that_is_not_absolute_http_or_https_is_refused_with_400(String url) {
        HttpResponse<String> response = submit("resize", "X-Callback-Url", url);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("X-Callback-Url");
        assertThat(submissions.commands()).isEmpty();
    }

    @Test
    void an_unparseable_callback_url_is_refused_with_400() {
        HttpResponse<String> response = submit("resize", "X-Callback-Url", "http://exa mple.com/");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("X-Callback-Url 'http://exa mple.com/'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "slash/ed"})
    void a_bad_call_id_is_refused_with_400(String callId) {
        HttpResponse<String> response = submit("resize", "X-Call-Id", callId);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("call id must be 1-128 characters of [-A-Za-z0-9_.:]");
    }

    @Test
    void a_call_id_longer_than_128_characters_is_refused_with_400() {
        assertThat(submit("resize", "X-Call-Id", "a".repeat(128)).statusCode()).isEqualTo(202);
        assertThat(submit("resize", "X-Call-Id", "a".repeat(129)).statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-5", "5 minutes", "1d"})
    void an_unreadable_delay_is_refused_with_400(String delay) {
        HttpResponse<String> response = submit("resize", "X-Delay", delay);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("X-Delay '" + delay + "'").contains("is not a duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2030-01-02", "2030-01-02T03:04:05", "-1"})
    void an_unreadable_not_before_time_is_refused_with_400(String time) {
        HttpResponse<String> response = submit("resize", "X-Not-Before", time);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("X-Not-Before '" + time + "'").contains("RFC 3339");
    }

    @Test
    void a_delay_beyond_the_maximum_is_refused_with_400() {
        assertThat(submit("resize", "X-Delay", "1h").statusCode()).isEqualTo(202);

        HttpResponse<String> response = submit("resize", "X-Delay", "3601");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("the start may be deferred by at most 1h");
    }

    @Test
    void a_not_before_time_beyond_the_maximum_delay_is_refused_with_400() {
        String tooLate = Instant.now().plus(Duration.ofHours(2)).toString();

        HttpResponse<String> response = submit("resize", "X-Not-Before", tooLate);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("the start may be deferred by at most 1h");
    }

    @Test
    void a_delay_and_a_not_before_time_together_are_refused_with_400() {
        HttpResponse<String> response = gateway.send(gateway.request("/async-function/resize")
                .header("X-Delay", "5s").header("X-Not-Before", "1893553445").POST(BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("send X-Delay or X-Not-Before, not both");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "OPTIONS"})
    void other_methods_on_async_function_are_refused_with_405(String method) {
        HttpResponse<String> response = gateway.send(gateway.request("/async-function/resize/images")
                .method(method, BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST, PUT, PATCH");
        assertThat(response.body()).isEqualTo(method + " is not allowed on /async-function/resize/images");
        assertThat(submissions.commands()).isEmpty();
    }

    @Test
    @Timeout(30)
    void a_body_declared_larger_than_the_maximum_is_refused_with_413_before_the_client_sends_it() throws IOException {
        // As curl does for large bodies: announce the body, wait for 100 Continue before sending it.
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
            client.getOutputStream().write(("POST /async-function/resize HTTP/1.1\r\n"
                    + "Host: localhost\r\n"
                    + "Content-Length: " + 10 * MAX_BYTES + "\r\n"
                    + "Expect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            String statusLine = new BufferedReader(
                    new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 413 ");
        }
        assertThat(submissions.commands()).isEmpty();
    }

    @Test
    void a_body_one_byte_larger_than_the_maximum_is_refused_with_413() {
        HttpResponse<String> response = gateway.send(gateway.request("/async-function/resize")
                .POST(BodyPublishers.ofByteArray(new byte[MAX_BYTES + 1])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("request body is larger than " + MAX_BYTES + " bytes");
        assertThat(submissions.commands()).isEmpty();
    }

    @Test
    @Timeout(30)
    void a_body_many_times_the_maximum_sent_without_waiting_for_continue_still_gets_its_413() {
        byte[] body = new byte[12 * 1024 * 1024];

        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> response = gateway.send(gateway.request("/async-function/resize")
                    .POST(BodyPublishers.ofByteArray(body)));

            assertThat(response.statusCode()).isEqualTo(413);
        }
        assertThat(submissions.commands()).isEmpty();
    }

    @Test
    void a_chunked_body_one_byte_larger_than_the_maximum_is_refused_with_413() {
        HttpResponse<String> response = gateway.send(gateway.request("/async-function/resize")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[MAX_BYTES + 1]))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(submissions.commands()).isEmpty();
    }

    @Test
    @Timeout(30)
    void an_endless_chunked_body_is_cut_off_at_the_maximum_and_not_submitted() {
        String outcome = outcomeOf(gateway.request("/async-function/resize")
                .POST(BodyPublishers.ofInputStream(EndlessStream::new)));

        // The gateway stops reading and closes the connection, which the client may notice before the 413.
        assertThat(outcome).isIn("413", "connection closed");
        assertThat(submissions.commands()).isEmpty();
        assertThat(submit("resize", "X-Unused", "none").statusCode()).isEqualTo(202);
    }

    @Test
    void an_unknown_function_is_answered_404() {
        submissions.refuseWith(new UnknownFunctionException(new FunctionName("resize")));

        HttpResponse<String> response = submit("resize", "X-Unused", "none");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("function 'resize' is not registered");
    }

    @Test
    void an_unavailable_queue_is_answered_503_with_retry_after() {
        submissions.refuseWith(new QueueUnavailableException("no broker", new ConnectException("refused")));

        HttpResponse<String> response = submit("resize", "X-Unused", "none");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue(ErrorResponses.RETRY_AFTER_SECONDS);
        assertThat(response.body()).isEqualTo("the queue is unavailable, retry later");
    }

    @Test
    void a_publish_of_unknown_outcome_is_answered_503_with_the_call_id_to_retry_with() {
        submissions.refuseWith(new PublishOutcomeUnknownException(new CallId("order-7"), "no ack",
                new java.io.IOException("Timeout or no response waiting for NATS JetStream server")));

        HttpResponse<String> response = submit("resize", "X-Unused", "none");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("X-Call-Id")).hasValue("order-7");
        assertThat(response.headers().firstValue("Retry-After")).hasValue(ErrorResponses.RETRY_AFTER_SECONDS);
        assertThat(response.body()).isEqualTo("unknown outcome: retry with the same X-Call-Id");
    }

    @Test
    void a_function_registered_with_a_queue_invoq_cannot_use_is_answered_400_naming_it() {
        submissions.refuseWith(new FunctionNotCallableException(new FunctionName("resize"),
                "its com.openfaas.queue annotation names no valid queue"));

        HttpResponse<String> response = submit("resize", "X-Unused", "none");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("function 'resize' cannot be called: its com.openfaas.queue");
    }

    @Test
    void a_full_queue_is_answered_429_with_retry_after() {
        submissions.refuseWith(new QueueFullException("limit reached"));

        HttpResponse<String> response = submit("resize", "X-Unused", "none");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue(ErrorResponses.RETRY_AFTER_SECONDS);
        assertThat(response.body()).isEqualTo("the queue is full, retry later");
    }

    private HttpResponse<String> submit(String function, String header, String value) {
        return gateway.send(gateway.request("/async-function/" + function)
                .header(header, value)
                .POST(BodyPublishers.ofString("payload")));
    }

    private String outcomeOf(HttpRequest.Builder request) {
        try {
            return Integer.toString(gateway.send(request).statusCode());
        } catch (UncheckedIOException e) {
            return "connection closed";
        }
    }

    /** A request body that never ends. */
    private static final class EndlessStream extends InputStream {
        @Override
        public int read() {
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            return length;
        }
    }
}
