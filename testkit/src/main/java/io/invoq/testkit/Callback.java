package io.invoq.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A callback invoq posted to the test's callback sink ({@link InvoqExtension#callbackUrl()}).
 *
 * @param status     the function's status, from {@code X-Function-Status} (503: unreachable, 504: timed out)
 * @param path       the path the callback was posted to, below the callback URL's
 * @param headers    every header of the callback as received, the function's response headers and a
 *                   signature's {@code webhook-*} headers included
 * @param body       the function's response body, as received: what a signature covers
 * @param receivedAt when it arrived, by invoq's clock (virtual time on the manual clock)
 */
public record Callback(String callId, int status, String path, Map<String, List<String>> headers, byte[] body,
                       Instant receivedAt) {

    public Callback {
        headers = Headers.copyOf(headers);
    }

    /** The first value of header {@code name}, whatever its case; null when absent. */
    public String header(String name) {
        return Headers.first(headers, name);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
