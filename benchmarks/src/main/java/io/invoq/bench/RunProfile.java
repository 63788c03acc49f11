package io.invoq.bench;

import java.time.Duration;
import java.util.List;

/**
 * How much each part of a run does, and the limit on the whole run. Timed phases are bounded by
 * count as well as time, because invoq may accept calls much faster than it completes them, and
 * every accepted call is waited for.
 *
 * @param rawWarmUp         each raw scenario once, untimed, before measuring
 * @param rawDuration       each timed raw scenario
 * @param rawPullMessages   messages drained by the raw pull + ack scenario
 * @param cold              sustained load on a fresh invoq, from its first second
 * @param invoqWarmUp       what invoq runs after the cold phase, before anything else is measured
 * @param sustained         sustained load on the warm invoq
 * @param peak              closed-loop submissions at full speed
 * @param halfPeak          submissions at half the peak's accepted rate
 * @param halfCompleted     submissions at half the peak's completed rate, which the workers keep up with
 * @param noOpBacklog       calls queued behind a closed gate, then drained, for the no-op function
 * @param slowBacklog       the same for the 10 ms function
 * @param scaleBacklogs     on JetStream, backlogs of 1 KiB calls queued and drained, smallest first (none: no scale phase)
 * @param fairness          on each broker and in each scaling mode: one function flooded, another's calls trickling in
 * @param timeLimit         the whole run is abandoned after this
 */
record RunProfile(String name, Duration rawWarmUp, Duration rawDuration, int rawPullMessages, Duration cold, WarmUp invoqWarmUp,
                  Duration sustained, PhaseLimit peak, PhaseLimit halfPeak, PhaseLimit halfCompleted, int noOpBacklog, int slowBacklog,
                  List<Integer> scaleBacklogs, FairnessPlan fairness, Duration timeLimit) {

    /** A tenth of a core: from there on, a JVM's compilers only finish off rarely run code. */
    private static final double SETTLED_JIT_SHARE = 0.1;

    static final RunProfile FULL = new RunProfile("full", Duration.ofSeconds(1), Duration.ofSeconds(4), 100_000,
            Duration.ofSeconds(30), new WarmUp(new PhaseLimit(10_000, Duration.ofSeconds(10)), Duration.ofSeconds(120), SETTLED_JIT_SHARE),
            Duration.ofSeconds(20), new PhaseLimit(60_000, Duration.ofSeconds(15)),
            new PhaseLimit(30_000, Duration.ofSeconds(15)), new PhaseLimit(20_000, Duration.ofSeconds(15)),
            20_000, 30_000, List.of(), new FairnessPlan(60_000, 10, 8), Duration.ofMinutes(16));

    static final RunProfile QUICK = new RunProfile("quick", Duration.ofMillis(500), Duration.ofSeconds(1), 10_000,
            Duration.ofSeconds(20), new WarmUp(new PhaseLimit(3_000, Duration.ofSeconds(3)), Duration.ofSeconds(15), SETTLED_JIT_SHARE),
            Duration.ofSeconds(8), new PhaseLimit(8_000, Duration.ofSeconds(5)),
            new PhaseLimit(4_000, Duration.ofSeconds(4)), new PhaseLimit(3_000, Duration.ofSeconds(4)),
            3_000, 6_000, List.of(), new FairnessPlan(20_000, 10, 3), Duration.ofMinutes(7));

    /** The scale phase's backlogs: a small one as the yardstick, then a million. */
    private static final List<Integer> MILLION_CALL_BACKLOGS = List.of(10_000, 1_000_000);
    private static final Duration MILLION_CALL_TIME = Duration.ofMinutes(15);

    /** This profile with the scale phase on JetStream, and time for it. */
    RunProfile withMillionCallBacklog() {
        return new RunProfile(name + " + million", rawWarmUp, rawDuration, rawPullMessages, cold, invoqWarmUp, sustained, peak,
                halfPeak, halfCompleted, noOpBacklog, slowBacklog, MILLION_CALL_BACKLOGS, fairness, timeLimit.plus(MILLION_CALL_TIME));
    }
}
