package io.invoq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    private static final LatencySummary FAST = new LatencySummary(1000, 0.5, 2, 4, 9);
    private static final RawBaselines RAW = new RawBaselines(List.of(
            new RawResult(RawScenario.SYNC_PUBLISH, 1024, 1, 10_000, FAST),
            new RawResult(RawScenario.SYNC_PUBLISH, 64, 1, 99_999, FAST),
            new RawResult(RawScenario.PULL_ACK, 1024, 1, 20_000, LatencySummary.EMPTY),
            new RawResult(RawScenario.HTTP_ROUND_TRIP, 64, 1, 50_000, FAST)));
    private static final int CORES = 2;

    @Test
    void passesAResultThatMeetsEveryTarget() {
        Map<String, Figure> figures = byName(Scorecard.figures(result(6_000, 5_500, FAST, 6_000, 0, 400), RAW, CORES));

        assertThat(figures.values()).filteredOn(figure -> figure.verdict() != Verdict.INFO)
                .extracting(Figure::verdict).containsOnly(Verdict.PASS);
        assertThat(figures.get("accepted submissions/s (peak)").ratio()).isEqualTo("0.60×");
    }

    @Test
    void failsEachFigureThatMissesItsTarget() {
        LatencySummary slow = new LatencySummary(1000, 1, 6, 9, 12);
        Map<String, Figure> figures = byName(Scorecard.figures(result(4_000, 4_000, slow, 5_000, 1, 600, 4_000, 3_000, 400,
                List.of()), RAW, CORES));

        assertThat(figures.get("accepted submissions/s (peak)").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(figures.get("completed calls/s, sustained, warm (1,000 calls)").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(figures.get("completed calls/s vs raw pull + ack, sustained, warm").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(figures.get("completed calls/s, first 10 s of a fresh invoq (cold)"))
                .extracting(Figure::ratio, Figure::verdict).containsExactly("75 %", Verdict.FAIL);
        assertThat(figures.values()).filteredOn(figure -> figure.name().startsWith("machine CPU per completed call (/proc/stat"))
                .extracting(Figure::value, Figure::verdict).containsExactly(tuple("400 µs", Verdict.FAIL));
        assertThat(figures.get("invoq peak RSS (VmHWM)").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(figures.values()).filteredOn(figure -> figure.name().startsWith("submit latency p50 / p99 / p99.9 at half the sustained rate"))
                .extracting(Figure::verdict).containsExactly(Verdict.FAIL);
        assertThat(figures.values()).filteredOn(figure -> figure.name().startsWith("backlog drain, 10 ms"))
                .extracting(Figure::verdict, Figure::ratio).containsExactly(tuple(Verdict.FAIL, "78 %"));
        assertThat(figures.values()).filteredOn(figure -> figure.name().startsWith("lost / duplicate"))
                .extracting(Figure::value, Figure::verdict).containsExactly(tuple("1 / 0", Verdict.FAIL));
    }

    @Test
    void reportsHowLongAFreshInvoqTookToReachItsWarmRate() {
        InvoqResult passing = result(6_000, 5_500, FAST, 6_000, 0, 400);
        int[] warming = {1_000, 2_000, 4_000, 7_500, 7_600, 7_400, 8_000, 8_000, 8_000, 8_000};
        SustainedResult cold = new SustainedResult(passing.cold().phase(), warming, passing.cold().whole(), passing.cold().firstSeconds());
        InvoqResult result = new InvoqResult(passing.broker(), 1.5, 2.5, cold, passing.warmUp(), passing.sustained(), passing.peak(),
                passing.halfPeakRate(), passing.halfPeak(), passing.halfCompletedRate(), passing.halfCompleted(), passing.noOpBacklog(),
                passing.slowBacklog(), passing.peakRssBytes(), 1, 1, 1, 1, 0, List.of());

        Map<String, Figure> figures = byName(Scorecard.figures(result, RAW, CORES));

        assertThat(figures.get("time to warm: seconds of load until 90 % of the warm rate").value()).isEqualTo("3 s");
        assertThat(figures.get("completed calls/s, first 10 s of a fresh invoq (cold)"))
                .extracting(Figure::value, Figure::ratio, Figure::verdict).containsExactly("6,150/s", "77 %", Verdict.FAIL);
        assertThat(figures.get("start-up: process start → /readyz").value()).isEqualTo("1.5 s, 2.5 s of invoq's CPU");
    }

    @Test
    void judgesAMillionCallBacklogAgainstASmallOne() {
        ScaleResult small = scale(10_000, 9_000, 6_000, 400, 3);
        ScaleResult flat = scale(1_000_000, 8_000, 5_500, 450, 20);
        ScaleResult sagging = scale(1_000_000, 7_000, 4_000, 600, 80);

        Map<String, Figure> passing = byName(Scorecard.figures(result(6_000, 5_500, FAST, 6_000, 0, 400, 8_000, 7_000, 200,
                List.of(small, flat)), RAW, CORES));
        Map<String, Figure> failing = byName(Scorecard.figures(result(6_000, 5_500, FAST, 6_000, 0, 400, 8_000, 7_000, 200,
                List.of(small, sagging)), RAW, CORES));

        assertThat(passing.values()).filteredOn(figure -> figure.name().startsWith("backlog of 1,000,000:"))
                .extracting(Figure::verdict).containsOnly(Verdict.PASS).hasSize(4);
        assertThat(failing.values()).filteredOn(figure -> figure.name().startsWith("backlog of 1,000,000:"))
                .extracting(Figure::verdict).containsOnly(Verdict.FAIL).hasSize(4);
    }

    private static ScaleResult scale(int backlog, double queued, double drained, long rssMebibytes, double queuesMaxMs) {
        QueueProbe.Reading reading = new QueueProbe.Reading(new LatencySummary(10, 1, queuesMaxMs, queuesMaxMs, queuesMaxMs),
                rssMebibytes * 1024 * 1024, 0);
        return new ScaleResult(backlog, phase(queued, drained, FAST, 0), reading, reading);
    }

    @Test
    void addsUpTheCpuPerCallOfAllPartiesAndTheRateTheCoresAllowAtMost() {
        Map<String, Figure> figures = byName(Scorecard.figures(spending(700, 300, 449), RAW, CORES));

        assertThat(figures.get("invoq CPU per call (all phases after the warm-up)").value()).isEqualTo("700 µs");
        assertThat(figures.get("nats-server CPU per call").value()).isEqualTo("300 µs");
        assertThat(figures.get("harness CPU per call (load generator, function, callbacks)").value()).isEqualTo("449 µs");
        assertThat(figures.get("the three processes' CPU per call (kernel time outside them not counted)"))
                .extracting(Figure::value, Figure::baseline, Figure::verdict)
                .containsExactly("1,449 µs", "2 cores ⇒ at most 1,380/s", Verdict.INFO);
    }

    @Test
    void impliesNoCeilingWithoutCpuTime() {
        Map<String, Figure> figures = byName(Scorecard.figures(spending(0, 0, 0), RAW, CORES));

        assertThat(figures.get("the three processes' CPU per call (kernel time outside them not counted)"))
                .extracting(Figure::value, Figure::baseline).containsExactly("0 µs", "–");
    }

    /** A result that meets every target, with the given CPU time per call of invoq, nats-server and the harness. */
    private static InvoqResult spending(double invoqMicros, double natsServerMicros, double harnessMicros) {
        InvoqResult passing = result(6_000, 5_500, FAST, 6_000, 0, 400);
        return new InvoqResult(passing.broker(), 1.5, 2.5, passing.cold(), passing.warmUp(), passing.sustained(), passing.peak(),
                passing.halfPeakRate(), passing.halfPeak(), passing.halfCompletedRate(), passing.halfCompleted(),
                passing.noOpBacklog(), passing.slowBacklog(), passing.peakRssBytes(), invoqMicros, 0, natsServerMicros,
                harnessMicros, passing.unknownCalls(), List.of());
    }

    private static InvoqResult result(double accepted, double completed, LatencySummary halfCompletedLatency,
                                      double slowCompleted, long lost, long rssMebibytes) {
        return result(accepted, completed, halfCompletedLatency, slowCompleted, lost, rssMebibytes, 8_000, 7_000, 200, List.of());
    }

    /** @param sustained the warm sustained rate; {@code cold} the rate in each of a fresh invoq's first ten seconds */
    private static InvoqResult result(double accepted, double completed, LatencySummary halfCompletedLatency,
                                      double slowCompleted, long lost, long rssMebibytes, int sustained, int cold,
                                      double machineMicros, List<ScaleResult> scale) {
        PhaseResult peak = phase(accepted, completed, FAST, 0);
        WarmUpResult warmUp = new WarmUpResult(List.of(phase(1, 1, FAST, 0)), 1, 0.05, 0.1);
        return new InvoqResult(Broker.JETSTREAM, 1.5, 2.5, sustained(cold, 20, machineMicros), warmUp,
                sustained(sustained, 20, machineMicros), peak, accepted / 2,
                phase(accepted / 2, accepted / 2, FAST, 0), sustained / 2.0,
                phase(sustained / 2.0, sustained / 2.0, halfCompletedLatency, 0), phase(1, 1, FAST, 0),
                phase(1, slowCompleted, FAST, lost), rssMebibytes * 1024 * 1024, 100, 10, 20, 40, 0, scale);
    }

    private static SustainedResult sustained(int perSecond, int seconds, double machineMicros) {
        int[] bySecond = new int[seconds];
        Arrays.fill(bySecond, perSecond);
        CpuUse cpu = new CpuUse((long) perSecond * seconds, machineMicros, machineMicros / 2, 1, machineMicros / 4,
                machineMicros / 8, 0.9);
        return new SustainedResult(phase(perSecond, perSecond, FAST, 0), bySecond, cpu, cpu);
    }

    private static PhaseResult phase(double acceptedPerSecond, double completedPerSecond, LatencySummary latency, long lost) {
        LoadResult submissions = new LoadResult(1000, (long) acceptedPerSecond, Map.of(), 0, "", 1, latency);
        return new PhaseResult("phase", submissions, completedPerSecond,
                new CallTally(1000, 1000 - lost, lost, 0, 0, 0, FAST));
    }

    private static Map<String, Figure> byName(List<Figure> figures) {
        return figures.stream().collect(Collectors.toMap(Figure::name, Function.identity()));
    }
}
