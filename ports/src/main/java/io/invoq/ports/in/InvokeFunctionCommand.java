package io.invoq.ports.in;

import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A request to call {@code function} now and wait for its answer, as the caller sent it.
 *
 * @param path   the path suffix after the function name, {@code ""} or starting with {@code /}
 * @param query  the raw query string without {@code ?}, {@code ""} when there was none
 * @param callId the caller's id for the call, sent on to the function; generated when empty
 */
public record InvokeFunctionCommand(
        FunctionName function,
        String method,
        String path,
        String query,
        Headers headers,
        byte[] body,
        Optional<CallId> callId) {

    public static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    public InvokeFunctionCommand {
        ForwardedRequestChecks.require(function, method, METHODS, path, query, headers, body);
        Objects.requireNonNull(callId, "callId");
    }
}
