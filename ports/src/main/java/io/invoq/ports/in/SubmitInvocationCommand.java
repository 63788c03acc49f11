package io.invoq.ports.in;

import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A request to invoke {@code function} asynchronously, as the caller sent it.
 *
 * @param callId      the caller's id for the call, also its de-duplication key; generated when empty
 * @param callbackUrl where the result goes; absolute http or https
 * @param start       when the call may start at the earliest, if the caller deferred it
 * @param callbackOf  the function whose call's callback this submission is, when it is one: a step
 *                    of a chain, whose call gets an id of its own derived from {@code callId}
 */
public record SubmitInvocationCommand(
        FunctionName function,
        String method,
        String path,
        String query,
        Headers headers,
        byte[] body,
        Optional<CallId> callId,
        Optional<URI> callbackUrl,
        Optional<DeferredStart> start,
        Optional<FunctionName> callbackOf) {

    public static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");

    /** A submission that is no callback of another call. */
    public SubmitInvocationCommand(FunctionName function, String method, String path, String query, Headers headers,
                                   byte[] body, Optional<CallId> callId, Optional<URI> callbackUrl,
                                   Optional<DeferredStart> start) {
        this(function, method, path, query, headers, body, callId, callbackUrl, start, Optional.empty());
    }

    public SubmitInvocationCommand {
        ForwardedRequestChecks.require(function, method, METHODS, path, query, headers, body);
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(callbackOf, "callbackOf");
        callbackUrl.ifPresent(SubmitInvocationCommand::requireHttpUrl);
    }

    /** A deferred start: after a delay from acceptance, or not before a given time. */
    public sealed interface DeferredStart {
        Instant from(Instant acceptedAt);

        Duration delayFrom(Instant acceptedAt);
    }

    public record After(Duration delay) implements DeferredStart {
        public After {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
        }

        @Override
        public Instant from(Instant acceptedAt) {
            return acceptedAt.plus(delay);
        }

        @Override
        public Duration delayFrom(Instant acceptedAt) {
            return delay;
        }
    }

    public record NotBefore(Instant time) implements DeferredStart {
        @Override
        public Instant from(Instant acceptedAt) {
            return time.isBefore(acceptedAt) ? acceptedAt : time;
        }

        @Override
        public Duration delayFrom(Instant acceptedAt) {
            return Duration.between(acceptedAt, from(acceptedAt));
        }
    }

    private static void requireHttpUrl(URI url) {
        if (!url.isAbsolute() || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalArgumentException("callback URL must be an absolute http or https URL");
        }
    }
}
