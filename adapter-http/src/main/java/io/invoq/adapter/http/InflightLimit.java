package io.invoq.adapter.http;

import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * At most so many synchronous calls at once; one more is answered {@code 503} with {@code Retry-After}
 * at once, so that callers holding slow calls cannot take all of the process's connections and memory.
 */
final class InflightLimit {

    private final int max;
    private final Semaphore permits;

    InflightLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the in-flight limit must be at least 1, not " + max);
        }
        this.max = max;
        this.permits = new Semaphore(max);
    }

    /** @throws RefusedException (503) when {@code max} calls are in flight */
    void acquire() {
        if (!permits.tryAcquire()) {
            throw new RefusedException(503, "the gateway is running " + max + " synchronous calls, retry later",
                    Map.of("Retry-After", ErrorResponses.RETRY_AFTER_SECONDS));
        }
    }

    void release() {
        permits.release();
    }
}
