package io.invoq.ports.contract;

import io.invoq.domain.Headers;
import io.invoq.domain.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a scripted function answers to one invocation.
 *
 * @param held whether the call stays open until the test releases it
 */
record ScriptedAnswer(int status, Headers headers, String body, boolean held) {

    /** How long every answer took, as reported in {@code X-Duration-Seconds}. */
    static final Duration DURATION = Duration.ofNanos(2_885_000);

    static ScriptedAnswer status(int status) {
        return new ScriptedAnswer(status, Headers.EMPTY, "", false);
    }

    ScriptedAnswer withHeaders(String... namesAndValues) {
        return new ScriptedAnswer(status, Headers.of(namesAndValues), body, held);
    }

    ScriptedAnswer withBody(String text) {
        return new ScriptedAnswer(status, headers, text, held);
    }

    ScriptedAnswer heldOpen() {
        return new ScriptedAnswer(status, headers, body, true);
    }

    InvocationResult result() {
        return new InvocationResult(status, headers, body.getBytes(StandardCharsets.UTF_8), DURATION);
    }
}
