package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmissionDetailsTest {

    @Test
    void credential_like_headers_are_masked_whatever_their_case_and_the_others_are_shown() {
        String details = SubmissionDetails.of(call(Headers.of(
                "authorization", "Bearer secret-1",
                "Proxy-Authorization", "Basic secret-2",
                "Cookie", "secret-3",
                "X-Api-Key", "secret-4",
                "x-api_key", "secret-5",
                "X-Auth-Token", "secret-6",
                "X-Hub-Signature-256", "secret-7",
                "X-Access-Key", "secret-8",
                "X-Private-Key", "secret-9",
                "X-Bearer", "secret-10",
                "X-Pass", "secret-11",
                "X-Function-Url", "https://user:secret-12@fn.example.com/run?token=secret-13",
                "Content-Type", "text/plain",
                "X-Callback-Url", "http://127.0.0.1:8082/done"), "body"));

        assertThat(details).doesNotContain("secret")
                .contains("authorization=[redacted]", "Cookie=[redacted]", "X-Api-Key=[redacted]")
                .contains("Content-Type=[text/plain]", "X-Callback-Url=[http://127.0.0.1:8082/done]");
    }

    @Test
    void only_the_start_of_a_long_body_is_shown_with_its_full_length() {
        String body = "a".repeat(SubmissionDetails.BODY_PREFIX_BYTES) + "the rest";

        String details = SubmissionDetails.of(call(Headers.EMPTY, body));

        assertThat(details).contains("body=" + body.length() + " bytes", "a".repeat(SubmissionDetails.BODY_PREFIX_BYTES))
                .doesNotContain("the rest");
    }

    @Test
    void an_empty_body_is_shown_as_zero_bytes() {
        assertThat(SubmissionDetails.of(call(Headers.EMPTY, ""))).endsWith("body=0 bytes");
    }

    private static Invocation call(Headers headers, String body) {
        Instant now = Instant.now();
        return new Invocation(new CallId("c-1"), new FunctionName("echo"), QueueName.DEFAULT, "POST", "", "", headers,
                body.getBytes(StandardCharsets.UTF_8), Optional.empty(), now, now);
    }
}
