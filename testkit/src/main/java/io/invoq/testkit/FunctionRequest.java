package io.invoq.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request invoq sent to an in-process function.
 *
 * @param function   the function's name
 * @param path       the call's path suffix, {@code /} when it had none
 * @param query      the query string without {@code ?}, empty when none
 * @param attempt    how many requests this function has received for this call id, this one included
 * @param receivedAt when it arrived, by invoq's clock (virtual time on the manual clock)
 */
public record FunctionRequest(String function, String method, String path, String query,
                              Map<String, List<String>> headers, byte[] body, int attempt, Instant receivedAt) {

    public FunctionRequest {
        headers = Headers.copyOf(headers);
    }

    /** The first value of header {@code name}, whatever its case; null when absent. */
    public String header(String name) {
        return Headers.first(headers, name);
    }

    /** The call's {@code X-Call-Id}. */
    public String callId() {
        return header("X-Call-Id");
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
