package io.invoq.bench;

import java.util.List;

/** invoq's figures on one broker next to their raw baselines and targets. */
final class Scorecard {

    static final double MIN_COMPLETED_PER_SECOND = 5_000;
    static final double MIN_COMPLETED_TO_PULL_ACK = 0.25;
    static final double MIN_ACCEPTED_TO_SYNC_PUBLISH = 0.5;
    static final double MAX_HALF_PEAK_P99_MS = 5;
    static final double MIN_SLOW_FUNCTION_SHARE_OF_CEILING = 0.8;
    static final long MAX_RSS_BYTES = 512L * 1024 * 1024;
    /** With every slot busy for 10 ms, {@code max_inflight} slots complete at most this many calls a second. */
    static final double SLOW_FUNCTION_CEILING = InvoqServer.MAX_INFLIGHT * 1000.0
            / SimulatedFunction.TEN_MS.latency().toMillis();
    private static final double MICROS_PER_SECOND = 1_000_000;

    private Scorecard() {
    }

    /** @param cores the cores that invoq, nats-server and the harness share */
    static List<Figure> figures(InvoqResult invoq, RawBaselines raw, int cores) {
        RawResult syncPublish = raw.compared(RawScenario.SYNC_PUBLISH);
        RawResult pullAck = raw.compared(RawScenario.PULL_ACK);
        RawResult http = raw.compared(RawScenario.HTTP_ROUND_TRIP);
        PhaseResult peak = invoq.peak();
        PhaseResult halfPeak = invoq.halfPeak();
        double accepted = peak.submissions().succeededPerSecond();
        double completed = peak.completedPerSecond();
        double slowCompleted = invoq.slowBacklog().completedPerSecond();
        LatencySummary halfPeakLatency = halfPeak.submissions().latency();
        long calls = invoq.phases().stream().mapToLong(phase -> phase.calls().accepted()).sum();
        return List.of(
                new Figure("accepted submissions/s (peak)", Format.rate(accepted),
                        "sync publish " + Format.rate(syncPublish.perSecond()), Format.ratio(accepted, syncPublish.perSecond()),
                        "≥ " + MIN_ACCEPTED_TO_SYNC_PUBLISH + "× sync publish",
                        Verdict.of(accepted >= MIN_ACCEPTED_TO_SYNC_PUBLISH * syncPublish.perSecond())),
                Figure.info("accepted submissions/s (peak) vs HTTP", Format.rate(accepted),
                        "HTTP no-op " + Format.rate(http.perSecond()), Format.ratio(accepted, http.perSecond())),
                new Figure("completed invocations/s (peak)", Format.rate(completed), "", "",
                        "≥ " + Format.rate(MIN_COMPLETED_PER_SECOND), Verdict.of(completed >= MIN_COMPLETED_PER_SECOND)),
                new Figure("completed invocations/s (peak) vs pull + ack", Format.rate(completed),
                        "pull + ack " + Format.rate(pullAck.perSecond()), Format.ratio(completed, pullAck.perSecond()),
                        "≥ " + MIN_COMPLETED_TO_PULL_ACK + "× pull + ack",
                        Verdict.of(completed >= MIN_COMPLETED_TO_PULL_ACK * pullAck.perSecond())),
                Figure.info("submit latency p50 / p99 / p99.9 (peak)", Format.percentiles(peak.submissions().latency()),
                        "HTTP no-op " + Format.percentiles(http.latency()),
                        Format.ratios(peak.submissions().latency(), http.latency())),
                Figure.info("submit latency p50 / p99 / p99.9 (peak) vs publish", Format.percentiles(peak.submissions().latency()),
                        "sync publish " + Format.percentiles(syncPublish.latency()),
                        Format.ratios(peak.submissions().latency(), syncPublish.latency())),
                Figure.info("submit → function start p50 / p99 (peak)", Format.medianAndP99(peak.calls().submitToStart()), "", ""),
                new Figure("submit latency p50 / p99 / p99.9 at half peak (" + Format.rate(invoq.halfPeakRate()) + ")",
                        Format.percentiles(halfPeakLatency), "HTTP no-op " + Format.percentiles(http.latency()),
                        Format.ratios(halfPeakLatency, http.latency()),
                        "p99 < " + Format.millis(MAX_HALF_PEAK_P99_MS) + " ms",
                        Verdict.of(halfPeakLatency.count() > 0 && halfPeakLatency.p99Ms() < MAX_HALF_PEAK_P99_MS)),
                Figure.info("submit → function start p50 / p99 at half peak", Format.medianAndP99(halfPeak.calls().submitToStart()), "", ""),
                Figure.info("submit latency p50 / p99 / p99.9 at half the completed peak ("
                                + Format.rate(invoq.halfCompletedRate()) + ")",
                        Format.percentiles(invoq.halfCompleted().submissions().latency()),
                        "HTTP no-op " + Format.percentiles(http.latency()),
                        Format.ratios(invoq.halfCompleted().submissions().latency(), http.latency())),
                Figure.info("submit → function start p50 / p99 at half the completed peak",
                        Format.medianAndP99(invoq.halfCompleted().calls().submitToStart()), "", ""),
                Figure.info("backlog drain, no-op function: completed/s", Format.rate(invoq.noOpBacklog().completedPerSecond()),
                        "pull + ack " + Format.rate(pullAck.perSecond()),
                        Format.ratio(invoq.noOpBacklog().completedPerSecond(), pullAck.perSecond())),
                new Figure("backlog drain, 10 ms function, max_inflight " + InvoqServer.MAX_INFLIGHT + ": completed/s",
                        Format.rate(slowCompleted), "ceiling " + Format.rate(SLOW_FUNCTION_CEILING),
                        Format.percent(slowCompleted / SLOW_FUNCTION_CEILING),
                        "≥ " + Format.percent(MIN_SLOW_FUNCTION_SHARE_OF_CEILING) + " of ceiling",
                        Verdict.of(slowCompleted >= MIN_SLOW_FUNCTION_SHARE_OF_CEILING * SLOW_FUNCTION_CEILING)),
                new Figure("lost / duplicate calls (" + Format.count(calls) + " accepted, all phases)",
                        invoq.lost() + " / " + invoq.duplicates(), "", "", "0 / 0",
                        Verdict.of(calls > 0 && invoq.lost() == 0 && invoq.duplicates() == 0)),
                Figure.info("callbacks for unaccepted calls / function status ≠ 200 / unknown call ids",
                        invoq.unexpected() + " / " + invoq.failed() + " / " + invoq.unknownCalls(), "", ""),
                Figure.info("submissions not accepted: other statuses / errors", otherResponses(invoq), "", ""),
                new Figure("invoq peak RSS (VmHWM)", Format.mebibytes(invoq.peakRssBytes()), "", "",
                        "< " + Format.mebibytes(MAX_RSS_BYTES), Verdict.of(invoq.peakRssBytes() < MAX_RSS_BYTES)),
                Figure.info("warm-up until invoq's JIT compilers use < " + Format.percent(invoq.warmUp().settledShare())
                                + " of a core", warmUpSummary(invoq.warmUp()), "", ""),
                Figure.info("invoq CPU per call (warm-up excluded)", Format.micros(invoq.cpuMicrosPerCall()), "", ""),
                Figure.info("of which its JIT compilers", Format.micros(invoq.jitCpuMicrosPerCall()), "", ""),
                Figure.info("nats-server CPU per call", Format.micros(invoq.natsServerCpuMicrosPerCall()), "", ""),
                Figure.info("harness CPU per call (load generator, function, callbacks)",
                        Format.micros(invoq.harnessCpuMicrosPerCall()), "", ""),
                Figure.info("all parties' CPU per call", Format.micros(invoq.allPartiesCpuMicrosPerCall()),
                        cpuBoundCeiling(cores, invoq.allPartiesCpuMicrosPerCall()), ""));
    }

    /** The call rate that {@code cores} could reach at most if they did nothing but these calls. */
    private static String cpuBoundCeiling(int cores, double cpuMicrosPerCall) {
        return cpuMicrosPerCall > 0
                ? cores + (cores == 1 ? " core" : " cores") + " ⇒ at most " + Format.rate(cores * MICROS_PER_SECOND / cpuMicrosPerCall)
                : "–";
    }

    private static String warmUpSummary(WarmUpResult warmUp) {
        long calls = warmUp.rounds().stream().mapToLong(round -> round.submissions().succeeded()).sum();
        return Format.count(calls) + " calls in " + warmUp.rounds().size() + " rounds, " + Math.round(warmUp.seconds()) + " s; "
                + (warmUp.settled() ? "settled" : "not settled") + ", last round " + Format.percent(warmUp.lastRoundShare());
    }

    private static String otherResponses(InvoqResult invoq) {
        long otherStatuses = 0;
        long errors = 0;
        for (PhaseResult phase : invoq.phases()) {
            otherStatuses += phase.submissions().otherStatuses().values().stream().mapToLong(Long::longValue).sum();
            errors += phase.submissions().failures();
        }
        return otherStatuses + " / " + errors;
    }
}
