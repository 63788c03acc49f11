package io.invoq.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * What one attempt to invoke a function produced: the function's own answer, or a synthetic
 * {@value #UNREACHABLE} when it could not be reached and {@value #TIMED_OUT} when it did not
 * answer within the upstream timeout.
 */
public record InvocationResult(int status, Headers headers, byte[] body, Duration duration) {

    public static final int UNREACHABLE = 503;
    public static final int TIMED_OUT = 504;

    public InvocationResult {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(duration, "duration");
    }

    public static InvocationResult unreachable(Duration duration, String reason) {
        return new InvocationResult(UNREACHABLE, Headers.EMPTY, reason.getBytes(java.nio.charset.StandardCharsets.UTF_8), duration);
    }

    public static InvocationResult timedOut(Duration duration) {
        return new InvocationResult(TIMED_OUT, Headers.EMPTY, new byte[0], duration);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InvocationResult that
                && status == that.status
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body)
                && duration.equals(that.duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body), duration);
    }

    @Override
    public String toString() {
        return "InvocationResult[status=" + status + " body=" + body.length + " bytes in " + duration + "]";
    }
}
