package io.invoq.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * What one attempt to invoke a function produced: the function's own answer, or a synthetic
 * {@value #UNREACHABLE} when it could not be reached and {@value #TIMED_OUT} when it did not
 * answer within the upstream timeout.
 *
 * @param origin who produced the status: the function, or invoq because the function gave no answer
 */
public record InvocationResult(int status, Headers headers, byte[] body, Duration duration, Origin origin) {

    public static final int UNREACHABLE = 503;
    public static final int TIMED_OUT = 504;
    public static final int WORKER_FAILED = 500;

    /** Who produced a result's status. */
    public enum Origin {
        FUNCTION,
        /** The function could not be reached; the body says why. */
        UNREACHABLE,
        /** The function did not answer within the upstream timeout. */
        TIMED_OUT,
        /** invoq failed inside the worker, before or after calling the function; the body says why. */
        WORKER
    }

    public InvocationResult {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(origin, "origin");
    }

    /** The function's own answer. */
    public InvocationResult(int status, Headers headers, byte[] body, Duration duration) {
        this(status, headers, body, duration, Origin.FUNCTION);
    }

    public static InvocationResult unreachable(Duration duration, String reason) {
        return new InvocationResult(UNREACHABLE, Headers.EMPTY, reason.getBytes(StandardCharsets.UTF_8), duration,
                Origin.UNREACHABLE);
    }

    /** invoq failed inside the worker; answered as a {@value #WORKER_FAILED} whose body is the {@code reason}. */
    public static InvocationResult workerFailed(String reason) {
        return new InvocationResult(WORKER_FAILED, Headers.EMPTY, reason.getBytes(StandardCharsets.UTF_8),
                Duration.ZERO, Origin.WORKER);
    }

    public static InvocationResult timedOut(Duration duration) {
        return new InvocationResult(TIMED_OUT, Headers.EMPTY, new byte[0], duration, Origin.TIMED_OUT);
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
                && duration.equals(that.duration)
                && origin == that.origin;
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body), duration, origin);
    }

    @Override
    public String toString() {
        return "InvocationResult[status=" + status + " from " + origin + " body=" + body.length + " bytes in "
                + duration + "]";
    }
}
