package io.invoq.application;

import io.invoq.domain.Backoff;
import io.invoq.domain.LeaseRule;
import io.invoq.domain.QueueName;
import io.invoq.domain.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How a worker consumes one queue.
 *
 * @param maxInflight     how many functions this worker runs at once; a call whose function has
 *                        answered is called back without holding one of these slots
 * @param fetchWait       how long one fetch waits for work before the worker looks again
 * @param upstreamTimeout per attempt, unless the function's annotation says otherwise
 * @param retryPolicy     for the function, unless its annotations say otherwise
 * @param callbackPolicy  for delivering the callback; the function is never invoked again for it
 * @param keepsDeadLetters whether a call that ends without success is kept as a dead letter
 * @param readAhead       how many calls the worker fetches ahead of its free slots, so that a slot
 *                        that frees starts the next call at once; such a call waits for this
 *                        worker's slots even while another worker is idle
 */
public record WorkerSettings(
        QueueName queue,
        int maxInflight,
        Duration fetchWait,
        Duration upstreamTimeout,
        RetryPolicy retryPolicy,
        LeaseRule lease,
        RetryPolicy callbackPolicy,
        boolean keepsDeadLetters,
        int readAhead) {

    public static final int DEFAULT_MAX_INFLIGHT = 1;
    /**
     * A worker holds at most this many deliveries per slot: those running their function and those
     * whose callback is still being sent, so that slow callbacks neither stop the next calls from
     * running nor pile up without bound.
     */
    private static final int DELIVERIES_HELD_PER_SLOT = 2;
    public static final Duration DEFAULT_FETCH_WAIT = Duration.ofMillis(500);
    public static final Duration DEFAULT_UPSTREAM_TIMEOUT = Duration.ofSeconds(60);
    public static final RetryPolicy DEFAULT_CALLBACK_POLICY = new RetryPolicy(
            5, Duration.ofSeconds(1), Duration.ofSeconds(30), RetryPolicy.DEFAULT_RETRY_CODES, Backoff.EXPONENTIAL);

    public WorkerSettings {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(fetchWait, "fetchWait");
        Objects.requireNonNull(upstreamTimeout, "upstreamTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(callbackPolicy, "callbackPolicy");
        if (maxInflight < 1) {
            throw new IllegalArgumentException("max inflight must be at least 1");
        }
        if (readAhead < 0) {
            throw new IllegalArgumentException("read-ahead must not be negative");
        }
    }

    /**
     * The most deliveries this worker holds at once, read ahead, running or being called back: what
     * the broker's in-flight limit must allow.
     */
    public int maxHeld() {
        return maxInflight * DELIVERIES_HELD_PER_SLOT + readAhead;
    }
}
