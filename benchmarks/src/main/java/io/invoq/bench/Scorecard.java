package io.invoq.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** invoq's figures on one broker next to their raw baselines and targets. */
final class Scorecard {

    /** Sustained completed calls a second, warm, by broker. */
    static final double MIN_SUSTAINED_JETSTREAM = 8_000;
    static final double MIN_SUSTAINED_INMEMORY = 15_000;
    /** A fresh invoq's first seconds of peak load, against its warm rate. */
    static final double MIN_COLD_SHARE_OF_WARM = 0.8;
    /** The whole machine's CPU time per completed call on JetStream, warm. */
    static final double MAX_MACHINE_MICROS_PER_CALL_JETSTREAM = 250;
    /** The scale phase: a million-call backlog's rates within this of a small backlog's; RSS no more than this above it. */
    static final double MAX_SCALE_DROP = 0.15;
    static final double MAX_QUEUES_LATENCY_MS = 50;
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
        double burstCompleted = peak.completedPerSecond();
        double sustained = invoq.sustained().completedPerSecond();
        double coldRate = invoq.cold().firstSecondsPerSecond();
        double minSustained = invoq.broker() == Broker.JETSTREAM ? MIN_SUSTAINED_JETSTREAM : MIN_SUSTAINED_INMEMORY;
        CpuUse warmCpu = invoq.sustained().whole();
        CpuUse coldCpu = invoq.cold().firstSeconds();
        double slowCompleted = invoq.slowBacklog().completedPerSecond();
        LatencySummary halfCompletedLatency = invoq.halfCompleted().submissions().latency();
        long calls = invoq.phases().stream().mapToLong(phase -> phase.calls().accepted()).sum();
        List<Figure> figures = new ArrayList<>(List.of(
                new Figure("completed calls/s, sustained, warm (" + Format.count(invoq.sustained().phase().calls().accepted())
                        + " calls)", Format.rate(sustained), "", "", "≥ " + Format.rate(minSustained), Verdict.of(sustained >= minSustained)),
                new Figure("completed calls/s, first " + SustainedResult.FIRST_SECONDS + " s of a fresh invoq (cold)",
                        Format.rate(coldRate), "warm " + Format.rate(sustained), Format.percent(sustained > 0 ? coldRate / sustained : 0),
                        "≥ " + Format.percent(MIN_COLD_SHARE_OF_WARM) + " of warm",
                        Verdict.of(sustained > 0 && coldRate >= MIN_COLD_SHARE_OF_WARM * sustained)),
                Figure.info("time to warm: seconds of load until " + Format.percent(SustainedResult.WARM_SHARE) + " of the warm rate",
                        timeToWarm(invoq), "", ""),
                Figure.info("cold phase, completed calls in each second", timeline(invoq.cold().completedBySecond()), "", ""),
                Figure.info("start-up: process start → /readyz", Format.seconds(invoq.secondsToReady()) + ", "
                        + Format.seconds(invoq.cpuSecondsToReady()) + " of invoq's CPU", "", ""),
                new Figure("machine CPU per completed call (/proc/stat: all processes and the kernel), sustained, warm",
                        Format.micros(warmCpu.machineMicrosPerCall()), cpuBoundCeiling(cores, warmCpu.machineMicrosPerCall()), "",
                        invoq.broker() == Broker.JETSTREAM ? "≤ " + Format.micros(MAX_MACHINE_MICROS_PER_CALL_JETSTREAM) : "",
                        invoq.broker() == Broker.JETSTREAM
                                ? Verdict.of(warmCpu.calls() > 0 && warmCpu.machineMicrosPerCall() <= MAX_MACHINE_MICROS_PER_CALL_JETSTREAM)
                                : Verdict.INFO),
                Figure.info("of which invoq (its JIT) / nats-server / harness / kernel and others, warm", breakdown(warmCpu), "", ""),
                Figure.info("machine CPU per completed call, cold, first " + SustainedResult.FIRST_SECONDS + " s",
                        Format.micros(coldCpu.machineMicrosPerCall()), cpuBoundCeiling(cores, coldCpu.machineMicrosPerCall()), ""),
                Figure.info("of which invoq (its JIT) / nats-server / harness / kernel and others, cold", breakdown(coldCpu), "", ""),
                new Figure("completed calls/s vs raw pull + ack, sustained, warm", Format.rate(sustained),
                        "pull + ack " + Format.rate(pullAck.perSecond()), Format.ratio(sustained, pullAck.perSecond()),
                        "≥ " + MIN_COMPLETED_TO_PULL_ACK + "× pull + ack",
                        Verdict.of(sustained >= MIN_COMPLETED_TO_PULL_ACK * pullAck.perSecond())),
                new Figure("accepted submissions/s (peak)", Format.rate(accepted),
                        "sync publish " + Format.rate(syncPublish.perSecond()), Format.ratio(accepted, syncPublish.perSecond()),
                        "≥ " + MIN_ACCEPTED_TO_SYNC_PUBLISH + "× sync publish",
                        Verdict.of(accepted >= MIN_ACCEPTED_TO_SYNC_PUBLISH * syncPublish.perSecond())),
                Figure.info("accepted submissions/s (peak) vs HTTP", Format.rate(accepted),
                        "HTTP no-op " + Format.rate(http.perSecond()), Format.ratio(accepted, http.perSecond())),
                Figure.info("completed calls/s, burst: the peak's calls from first submission to last callback (not sustainable)",
                        Format.rate(burstCompleted), "", ""),
                Figure.info("submit latency p50 / p99 / p99.9 (peak)", Format.percentiles(peak.submissions().latency()),
                        "HTTP no-op " + Format.percentiles(http.latency()),
                        Format.ratios(peak.submissions().latency(), http.latency())),
                Figure.info("submit latency p50 / p99 / p99.9 (peak) vs publish", Format.percentiles(peak.submissions().latency()),
                        "sync publish " + Format.percentiles(syncPublish.latency()),
                        Format.ratios(peak.submissions().latency(), syncPublish.latency())),
                Figure.info("submit → function start p50 / p99 (peak)", Format.medianAndP99(peak.calls().submitToStart()), "", ""),
                Figure.info("submit latency p50 / p99 / p99.9 at half the peak's accepted rate (" + Format.rate(invoq.halfPeakRate()) + ")",
                        Format.percentiles(halfPeak.submissions().latency()), "HTTP no-op " + Format.percentiles(http.latency()),
                        Format.ratios(halfPeak.submissions().latency(), http.latency())),
                Figure.info("submit → function start p50 / p99 at half the peak's accepted rate",
                        Format.medianAndP99(halfPeak.calls().submitToStart()), "", ""),
                new Figure("submit latency p50 / p99 / p99.9 at half the sustained rate (" + Format.rate(invoq.halfCompletedRate()) + ")",
                        Format.percentiles(halfCompletedLatency), "HTTP no-op " + Format.percentiles(http.latency()),
                        Format.ratios(halfCompletedLatency, http.latency()),
                        "p99 < " + Format.millis(MAX_HALF_PEAK_P99_MS) + " ms",
                        Verdict.of(halfCompletedLatency.count() > 0 && halfCompletedLatency.p99Ms() < MAX_HALF_PEAK_P99_MS)),
                Figure.info("submit → function start p50 / p99 at half the sustained rate",
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
                Figure.info("invoq CPU per call (all phases after the warm-up)", Format.micros(invoq.cpuMicrosPerCall()), "", ""),
                Figure.info("of which its JIT compilers", Format.micros(invoq.jitCpuMicrosPerCall()), "", ""),
                Figure.info("nats-server CPU per call", Format.micros(invoq.natsServerCpuMicrosPerCall()), "", ""),
                Figure.info("harness CPU per call (load generator, function, callbacks)",
                        Format.micros(invoq.harnessCpuMicrosPerCall()), "", ""),
                Figure.info("the three processes' CPU per call (kernel time outside them not counted)",
                        Format.micros(invoq.allPartiesCpuMicrosPerCall()), cpuBoundCeiling(cores, invoq.allPartiesCpuMicrosPerCall()), "")));
        figures.addAll(scaleFigures(invoq.scale()));
        return figures;
    }

    /** The scale phase: each backlog, then the largest judged against the smallest. */
    private static List<Figure> scaleFigures(List<ScaleResult> scale) {
        List<Figure> figures = new ArrayList<>();
        for (ScaleResult backlog : scale) {
            figures.add(Figure.info("backlog of " + Format.count(backlog.backlog()) + " calls, 1 KiB: queued/s, drained/s, invoq's RSS at most, "
                            + "GET /system/queues p50 / p99 / max",
                    Format.rate(backlog.phase().submissions().succeededPerSecond()) + ", " + Format.rate(backlog.phase().completedPerSecond())
                            + ", " + Format.mebibytes(backlog.whileDraining().maxRssBytes()) + ", "
                            + Format.millis(backlog.whileDraining().queuesLatency().p50Ms()) + " / "
                            + Format.millis(backlog.whileDraining().queuesLatency().p99Ms()) + " / "
                            + Format.millis(backlog.whileDraining().queuesLatency().maxMs()) + " ms", "", ""));
        }
        if (scale.size() < 2) {
            return figures;
        }
        ScaleResult small = scale.get(0);
        ScaleResult large = scale.get(scale.size() - 1);
        String versus = "vs " + Format.count(small.backlog());
        double queued = large.phase().submissions().succeededPerSecond();
        double smallQueued = small.phase().submissions().succeededPerSecond();
        double drained = large.phase().completedPerSecond();
        double smallDrained = small.phase().completedPerSecond();
        long rss = large.whileDraining().maxRssBytes();
        long smallRss = small.whileDraining().maxRssBytes();
        double queuesMaxMs = large.whileDraining().queuesLatency().maxMs();
        String within = "within " + Format.percent(MAX_SCALE_DROP);
        figures.add(new Figure("backlog of " + Format.count(large.backlog()) + ": queued/s", Format.rate(queued),
                versus + ": " + Format.rate(smallQueued), Format.ratio(queued, smallQueued), within,
                Verdict.of(queued >= (1 - MAX_SCALE_DROP) * smallQueued)));
        figures.add(new Figure("backlog of " + Format.count(large.backlog()) + ": drained/s", Format.rate(drained),
                versus + ": " + Format.rate(smallDrained), Format.ratio(drained, smallDrained), within,
                Verdict.of(drained >= (1 - MAX_SCALE_DROP) * smallDrained)));
        figures.add(new Figure("backlog of " + Format.count(large.backlog()) + ": invoq's RSS at most", Format.mebibytes(rss),
                versus + ": " + Format.mebibytes(smallRss), Format.ratio(rss, smallRss), within,
                Verdict.of(rss <= (1 + MAX_SCALE_DROP) * smallRss)));
        figures.add(new Figure("backlog of " + Format.count(large.backlog()) + ": GET /system/queues, slowest answer",
                Format.millis(queuesMaxMs) + " ms", "", "", "< " + Format.millis(MAX_QUEUES_LATENCY_MS) + " ms",
                Verdict.of(large.whileDraining().failedRequests() == 0 && queuesMaxMs < MAX_QUEUES_LATENCY_MS)));
        return figures;
    }

    private static String timeToWarm(InvoqResult invoq) {
        int seconds = invoq.cold().secondsToReach(invoq.sustained().completedPerSecond());
        return seconds >= 0 ? seconds + " s"
                : "not within the cold phase's " + invoq.cold().completedBySecond().length + " s (then " + Math.round(invoq.warmUp().seconds())
                + " s of warm-up)";
    }

    private static String timeline(int[] completedBySecond) {
        return Arrays.stream(completedBySecond).mapToObj(count -> Format.count(count)).collect(Collectors.joining(" "));
    }

    private static String breakdown(CpuUse cpu) {
        return Format.micros(cpu.invoqMicrosPerCall()) + " (" + Format.micros(cpu.jitMicrosPerCall()) + ") / "
                + Format.micros(cpu.natsServerMicrosPerCall()) + " / " + Format.micros(cpu.harnessMicrosPerCall()) + " / "
                + Format.micros(cpu.unattributedMicrosPerCall()) + "; cores " + Format.percent(cpu.machineBusyShare()) + " busy";
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
