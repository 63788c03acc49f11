package io.invoq.bench;

import java.util.List;

/**
 * A phase of sustained load, where a caller keeps a window of calls in flight from submission to
 * callback, so that submissions never run ahead of completions: what a load generator that runs for
 * long sees. Rates count the callbacks that arrived while the load ran, second by second.
 *
 * @param completedBySecond callbacks received in each second of the load
 * @param whole             CPU time over the whole load
 * @param firstSeconds      CPU time over its first {@link #FIRST_SECONDS} seconds
 */
record SustainedResult(PhaseResult phase, int[] completedBySecond, CpuUse whole, CpuUse firstSeconds) {

    /** The cold phase's yardstick: a fresh process's first seconds of peak load. */
    static final int FIRST_SECONDS = 10;
    /** A second counts as warm when the seconds from it on reach this share of the warm rate. */
    static final double WARM_SHARE = 0.9;
    private static final int WARM_RUN = 3;

    /** @param samples CPU samples once a second from the start of the load, the first at its start */
    static SustainedResult of(PhaseRun run, int seconds, List<CpuSample> samples) {
        int[] completed = run.ledger().callbacksBySecond(seconds);
        return new SustainedResult(run.result(), completed, cpuUse(completed, samples, completed.length),
                cpuUse(completed, samples, Math.min(FIRST_SECONDS, completed.length)));
    }

    private static CpuUse cpuUse(int[] completed, List<CpuSample> samples, int seconds) {
        int end = Math.min(seconds, samples.size() - 1);
        if (end < 1) {
            return CpuUse.of(samples.get(0).minus(samples.get(0)), 0);
        }
        return CpuUse.of(samples.get(end).minus(samples.get(0)), sum(completed, 0, end));
    }

    /** Completed calls per second over the whole load. */
    double completedPerSecond() {
        return rate(0, completedBySecond.length);
    }

    /** Completed calls per second over the first {@link #FIRST_SECONDS} seconds. */
    double firstSecondsPerSecond() {
        return rate(0, Math.min(FIRST_SECONDS, completedBySecond.length));
    }

    /**
     * The seconds of load until the completion rate, averaged over a few seconds, first reaches
     * {@link #WARM_SHARE} of {@code warmPerSecond}; -1 when it never did during this load.
     */
    int secondsToReach(double warmPerSecond) {
        for (int second = 0; second + WARM_RUN <= completedBySecond.length; second++) {
            if (rate(second, second + WARM_RUN) >= WARM_SHARE * warmPerSecond) {
                return second;
            }
        }
        return -1;
    }

    private double rate(int from, int to) {
        return to > from ? (double) sum(completedBySecond, from, to) / (to - from) : 0;
    }

    private static long sum(int[] counts, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += counts[i];
        }
        return sum;
    }
}
