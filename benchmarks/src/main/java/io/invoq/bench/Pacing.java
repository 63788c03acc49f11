package io.invoq.bench;

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
}
