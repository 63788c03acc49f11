package io.invoq.bench;

import org.HdrHistogram.Histogram;

/** Percentiles of a latency distribution, in milliseconds. */
record LatencySummary(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    /** Precision of every histogram in the benchmark: three significant digits. */
    static final int SIGNIFICANT_DIGITS = 3;
    static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);

    /** @param nanos a histogram of latencies recorded in nanoseconds */
    static LatencySummary of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(nanos.getTotalCount(),
                millis(nanos.getValueAtPercentile(50)),
                millis(nanos.getValueAtPercentile(99)),
                millis(nanos.getValueAtPercentile(99.9)),
                millis(nanos.getMaxValue()));
    }

    private static double millis(long nanos) {
        return nanos / NANOS_PER_MILLI;
    }
}
