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
 * @param invoqWarmUp       submissions to a fresh invoq before anything is measured
 * @param peak              closed-loop submissions at full speed
 * @param halfPeak          submissions at half the peak's accepted rate
 * @param halfCompleted     submissions at half the peak's completed rate, which the workers keep up with
 * @param noOpBacklog       calls queued behind a closed gate, then drained, for the no-op function
 * @param slowBacklog       the same for the 10 ms function
 * @param timeLimit         the whole run is abandoned after this
 */
record RunProfile(String name, Duration rawWarmUp, Duration rawDuration, int rawPullMessages, PhaseLimit invoqWarmUp,
                  PhaseLimit peak, PhaseLimit halfPeak, PhaseLimit halfCompleted, int noOpBacklog, int slowBacklog, Duration timeLimit) {

    static final RunProfile FULL = new RunProfile("full", Duration.ofSeconds(1), Duration.ofSeconds(4), 100_000,
            new PhaseLimit(5_000, Duration.ofSeconds(8)), new PhaseLimit(30_000, Duration.ofSeconds(20)),
            new PhaseLimit(15_000, Duration.ofSeconds(15)), new PhaseLimit(10_000, Duration.ofSeconds(15)),
            10_000, 20_000, Duration.ofMinutes(10));

    static final RunProfile QUICK = new RunProfile("quick", Duration.ofMillis(500), Duration.ofSeconds(1), 10_000,
            new PhaseLimit(2_000, Duration.ofSeconds(3)), new PhaseLimit(8_000, Duration.ofSeconds(5)),
            new PhaseLimit(4_000, Duration.ofSeconds(4)), new PhaseLimit(3_000, Duration.ofSeconds(4)),
            3_000, 6_000, Duration.ofMinutes(4));
}
