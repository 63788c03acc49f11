package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.CallId;
import io.invoq.domain.Headers;
import io.invoq.domain.InvocationResult;
import io.invoq.ports.in.InvokeFunctionCommand;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyRoutesTest {

    private static final InvocationResult OK = new InvocationResult(200, Headers.EMPTY, new byte[0], Duration.ZERO);
    private static final int MAX_BYTES = 1024;

    private final RunningGateway gateway =
            new RunningGateway(new GatewaySettings(0, MAX_BYTES, GatewaySettings.DEFAULT_MAX_DELAY));
    private final RecordingInvocations invocations = gateway.useCases.invocations;

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void a_request_reaches_the_function_as_sent_and_its_answer_comes_back_as_it_answered() {
        invocations.answerWith(new InvocationResult(201, new Headers(Map.of(
                "Content-Type", List.of("application/json"),
                "X-Many", List.of("1", "2"),
                "Connection", List.of("close"))),
                "{\"ok\":true}".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(3)));

        HttpResponse<String> response = gateway.send(gateway.request("/function/resize/orders/42?x=1&y=two%20words")
                .header("X-Custom", "kept").header("X-Call-Id", "sync:1")
                .POST(BodyPublishers.ofString("image")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(response.headers().allValues("Content-Type")).containsExactly("application/json");
        assertThat(response.headers().allValues("X-Many")).containsExactly("1", "2");
        InvokeFunctionCommand command = invocations.onlyCommand();
        assertThat(command.function().value()).isEqualTo("resize");
        assertThat(command.method()).isEqualTo("POST");
        assertThat(command.path()).isEqualTo("/orders/42");
        assertThat(command.query()).isEqualTo("x=1&y=two%20words");
        assertThat(command.headers().first("X-Custom")).contains("kept");
        assertThat(command.callId()).contains(new CallId("sync:1"));
        assertThat(new String(command.body(), StandardCharsets.UTF_8)).isEqualTo("image");
    }

    @Test
    void get_put_patch_and_delete_are_passed_on_with_their_method() {
        invocations.answerWith(OK);

        for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
            HttpResponse<String> response = gateway.send(gateway.request("/function/resize")
                    .method(method, BodyPublishers.noBody()));
            assertThat(response.statusCode()).as(method).isEqualTo(200);
        }
        assertThat(invocations.commands()).extracting(InvokeFunctionCommand::method)
                .containsExactly("GET", "PUT", "PATCH", "DELETE");
        assertThat(invocations.commands()).allSatisfy(command -> {
            assertThat(command.path()).isEmpty();
            assertThat(command.callId()).isEqualTo(Optional.empty());
        });
    }

    @Test
    void a_function_that_cannot_be_reached_is_answered_502_with_the_reason() {
        invocations.answerWith(InvocationResult.unreachable(Duration.ofMillis(1), "connection refused"));

        HttpResponse<String> response = gateway.send(gateway.request("/function/resize").GET());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("function 'resize' could not be reached: connection refused");
    }

    @Test
    void a_function_that_does_not_answer_in_time_is_answered_504() {
        invocations.answerWith(InvocationResult.timedOut(Duration.ofSeconds(60)));

        HttpResponse<String> response = gateway.send(gateway.request("/function/resize").GET());

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).isEqualTo("function 'resize' did not answer within 60000 ms");
    }

    @Test
    void a_function_that_itself_answers_503_is_answered_503() {
        invocations.answerWith(new InvocationResult(503, Headers.of("Retry-After", "7"), new byte[0], Duration.ZERO));

        HttpResponse<String> response = gateway.send(gateway.request("/function/resize").GET());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("7");
    }

    @Test
    void an_unknown_function_is_answered_404() {
        HttpResponse<String> response = gateway.send(gateway.request("/function/" + RecordingInvocations.UNKNOWN).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("function 'nope' is not registered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/function/re$ize", "/function/%2E%2E"})
    void a_bad_function_name_is_refused_with_400(String path) {
        assertThat(gateway.send(gateway.request(path).GET()).statusCode()).isEqualTo(400);
        assertThat(invocations.commands()).isEmpty();
    }

    @Test
    void a_bad_call_id_is_refused_with_400_and_a_body_over_the_limit_with_413() {
        assertThat(gateway.send(gateway.request("/function/resize").header("X-Call-Id", "has space").GET())
                .statusCode()).isEqualTo(400);
        assertThat(gateway.send(gateway.request("/function/resize").POST(BodyPublishers.ofString("x".repeat(MAX_BYTES + 1))))
                .statusCode()).isEqualTo(413);
        assertThat(invocations.commands()).isEmpty();
    }
}
