package io.invoq.bench;

import java.time.Duration;

/**
 * How much each part of a run does, and the limit on the whole run. Timed phases are bounded by
 * count as well as time, because invoq may accept calls much faster than it completes them, and
 * every accepted call is waited for.
 *
 * @param rawWarmUp         each raw scenario once, untimed, before measuring
 * @param rawDuration       each timed raw scenario
 * @param rawPullMessages   messages drained by the raw pull + ack scenario
 * @param invoqWarmUp       what a fresh invoq runs before anything is measured
 * @param peak              closed-loop submissions at full speed
 * @param halfPeak          submissions at half the peak's accepted rate
 * @param halfCompleted     submissions at half the peak's completed rate, which the workers keep up with
 * @param noOpBacklog       calls queued behind a closed gate, then drained, for the no-op function
 * @param slowBacklog       the same for the 10 ms function
 * @param timeLimit         the whole run is abandoned after this
 */
record RunProfile(String name, Duration rawWarmUp, Duration rawDuration, int rawPullMessages, WarmUp invoqWarmUp,
                  PhaseLimit peak, PhaseLimit halfPeak, PhaseLimit halfCompleted, int noOpBacklog, int slowBacklog, Duration timeLimit) {

    /** A tenth of a core: from there on, a JVM's compilers only finish off rarely run code. */
    private static final double SETTLED_JIT_SHARE = 0.1;

    static final RunProfile FULL = new RunProfile("full", Duration.ofSeconds(1), Duration.ofSeconds(4), 100_000,
            new WarmUp(new PhaseLimit(10_000, Duration.ofSeconds(10)), Duration.ofSeconds(120), SETTLED_JIT_SHARE),
            new PhaseLimit(60_000, Duration.ofSeconds(15)),
            new PhaseLimit(30_000, Duration.ofSeconds(15)), new PhaseLimit(20_000, Duration.ofSeconds(15)),
            20_000, 30_000, Duration.ofMinutes(12));

    static final RunProfile QUICK = new RunProfile("quick", Duration.ofMillis(500), Duration.ofSeconds(1), 10_000,
            new WarmUp(new PhaseLimit(3_000, Duration.ofSeconds(3)), Duration.ofSeconds(15), SETTLED_JIT_SHARE),
            new PhaseLimit(8_000, Duration.ofSeconds(5)),
            new PhaseLimit(4_000, Duration.ofSeconds(4)), new PhaseLimit(3_000, Duration.ofSeconds(4)),
            3_000, 6_000, Duration.ofMinutes(4));
}
