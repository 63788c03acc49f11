package io.invoq.application;

import io.invoq.domain.EpochNanos;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.ports.out.Callback;
import java.net.URI;
import java.util.Locale;

/** Writes the callback for a finished call: the function's answer plus what happened to the call. */
final class CallbackComposer {

    static final String CALL_ID = "X-Call-Id";
    static final String FUNCTION_NAME = "X-Function-Name";
    static final String FUNCTION_STATUS = "X-Function-Status";
    static final String DURATION_SECONDS = "X-Duration-Seconds";
    static final String START_TIME = "X-Start-Time";
    static final String RETRY = "X-Retry";
    static final String RETRY_MAX = "X-Retry-Max";

    private static final String[] NOT_FORWARDED = {
        "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "Host", "Date"
    };

    private CallbackComposer() {
    }

    static Callback compose(URI url, Invocation invocation, InvocationResult result, int attempt, int maxAttempts) {
        Headers headers = result.headers().without(NOT_FORWARDED)
                .with(CALL_ID, invocation.callId().value())
                .with(FUNCTION_NAME, invocation.function().value())
                .with(FUNCTION_STATUS, Integer.toString(result.status()))
                .with(DURATION_SECONDS, String.format(Locale.ROOT, "%.6f", result.duration().toNanos() / 1e9))
                .with(START_TIME, Long.toString(EpochNanos.of(invocation.enqueuedAt())))
                .with(RETRY, Integer.toString(attempt))
                .with(RETRY_MAX, Integer.toString(maxAttempts));
        return new Callback(url, headers, result.body());
    }
}
