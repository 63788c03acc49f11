package io.invoq.ports.in;

import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import java.util.Objects;
import java.util.Set;

/** What every command carrying a caller's request to a function requires of that request. */
final class ForwardedRequestChecks {

    private ForwardedRequestChecks() {
    }

    static void require(FunctionName function, String method, Set<String> methods, String path, String query,
                        Headers headers, byte[] body) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        if (!methods.contains(method)) {
            throw new IllegalArgumentException("method must be one of " + methods + ", not " + method);
        }
    }
}
