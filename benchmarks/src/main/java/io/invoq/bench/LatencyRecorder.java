package io.invoq.bench;

import org.HdrHistogram.Recorder;

/** Collects latencies from many threads without locking. */
final class LatencyRecorder {

    private final Recorder recorder = new Recorder(LatencySummary.SIGNIFICANT_DIGITS);

    void recordSince(long startNanos) {
        recorder.recordValue(Math.max(0, System.nanoTime() - startNanos));
    }

    /** Everything recorded since the previous summary. */
    LatencySummary summary() {
        return LatencySummary.of(recorder.getIntervalHistogram());
    }
}
