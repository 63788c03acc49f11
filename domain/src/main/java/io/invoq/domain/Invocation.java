package io.invoq.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One queued request to a function: everything the gateway received, so that the worker can
 * replay it against the function exactly as it was sent.
 *
 * @param path       the path suffix after the function name, {@code ""} or starting with {@code /}
 * @param query      the raw query string without {@code ?}, {@code ""} when there was none
 * @param notBefore  the earliest time the function may be invoked; equal to {@code enqueuedAt}
 *                   when the start was not deferred
 */
public record Invocation(
        CallId callId,
        FunctionName function,
        QueueName queue,
        String method,
        String path,
        String query,
        Headers headers,
        byte[] body,
        Optional<URI> callbackUrl,
        Instant enqueuedAt,
        Instant notBefore) {

    public Invocation {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        Objects.requireNonNull(notBefore, "notBefore");
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw new IllegalArgumentException("path must be empty or start with /");
        }
        if (notBefore.isBefore(enqueuedAt)) {
            notBefore = enqueuedAt;
        }
    }

    /**
     * What the broker de-duplicates on: the call id within its function, so that a call id used by
     * one function leaves every other function free to use it.
     */
    public String deduplicationKey() {
        return callId.value() + "@" + function.value();
    }

    /** Whether the function may be invoked at {@code now}. */
    public boolean isDueAt(Instant now) {
        return !notBefore.isAfter(now);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Invocation that
                && callId.equals(that.callId)
                && function.equals(that.function)
                && queue.equals(that.queue)
                && method.equals(that.method)
                && path.equals(that.path)
                && query.equals(that.query)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body)
                && callbackUrl.equals(that.callbackUrl)
                && enqueuedAt.equals(that.enqueuedAt)
                && notBefore.equals(that.notBefore);
    }

    @Override
    public int hashCode() {
        return Objects.hash(callId, function, queue, method, path, query, headers,
                Arrays.hashCode(body), callbackUrl, enqueuedAt, notBefore);
    }

    @Override
    public String toString() {
        return "Invocation[" + callId + " " + method + " " + function + path
                + " queue=" + queue + " body=" + body.length + " bytes]";
    }
}
