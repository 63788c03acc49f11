package io.invoq.adapter.http;

import java.util.Map;

/**
 * The gateway refuses the request before serving it (a loop, no room, no credentials, not allowed):
 * answered with {@code status}, the {@code headers} and the message as the reason.
 */
final class RefusedException extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    RefusedException(int status, String reason) {
        this(status, reason, Map.of());
    }

    RefusedException(int status, String reason, Map<String, String> headers) {
        super(reason, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }
}
