package io.invoq.bench;

import java.util.function.LongSupplier;

/** When each request of a load is due, and so what its latency is measured from. */
@FunctionalInterface
interface Pacing {

    /**
     * When request {@code sequence} is due, as a {@link System#nanoTime()}.
     *
     * @param originNanos when the load started
     * @param nowNanos    now, with a connection free to send it
     */
    long dueAt(int sequence, long originNanos, long nowNanos);

    /** Each request goes as soon as a connection is free; latency counts from sending. */
    static Pacing closedLoop() {
        return (sequence, originNanos, nowNanos) -> nowNanos;
    }

    /**
     * Requests are due at a fixed rate; latency counts from when a request was due, so a request
     * held back because every connection was busy is not flattered (no coordinated omission).
     */
    static Pacing fixedRate(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        double intervalNanos = 1e9 / perSecond;
        return (sequence, originNanos, nowNanos) -> originNanos + (long) (sequence * intervalNanos);
    }

    /**
     * Each request goes as soon as a connection is free and fewer than {@code window} calls are
     * submitted but not yet called back: the load a caller that waits for its results keeps up, so
     * the accepted rate cannot run ahead of the completed one and build a backlog. A held request
     * is looked at again every {@code recheckNanos}.
     */
    static Pacing endToEnd(int window, LongSupplier calledBack, long recheckNanos) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        return (sequence, originNanos, nowNanos) -> sequence - calledBack.getAsLong() < window ? nowNanos : nowNanos + recheckNanos;
    }
}
