package io.invoq.application;

import io.invoq.domain.EpochNanos;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.ports.out.Callback;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Writes the callback for a finished call: the function's answer plus what happened to the call, and
 * the {@value SubmitInvocationService#PARENT_CALL_ID} of a call that is a step of a chain.
 */
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

    /** Seconds with six decimals, e.g. {@code 0.002885}. */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 9).setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    static Callback compose(URI url, Invocation invocation, InvocationResult result, int attempt, int maxAttempts) {
        Headers headers = result.headers().without(NOT_FORWARDED).with(Map.of(
                CALL_ID, invocation.callId().value(),
                FUNCTION_NAME, invocation.function().value(),
                FUNCTION_STATUS, Integer.toString(result.status()),
                DURATION_SECONDS, seconds(result.duration()),
                START_TIME, Long.toString(EpochNanos.of(invocation.enqueuedAt())),
                RETRY, Integer.toString(attempt),
                RETRY_MAX, Integer.toString(maxAttempts)));
        Headers correlated = invocation.headers().first(SubmitInvocationService.PARENT_CALL_ID)
                .map(parent -> headers.with(SubmitInvocationService.PARENT_CALL_ID, parent))
                .orElse(headers);
        return new Callback(url, correlated, result.body(), invocation.headers());
    }
}
