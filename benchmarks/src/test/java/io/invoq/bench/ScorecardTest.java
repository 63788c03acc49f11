package io.invoq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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
        Map<String, Figure> figures = byName(Scorecard.figures(result(4_000, 4_000, slow, 5_000, 1, 600), RAW, CORES));

        assertThat(figures.get("accepted submissions/s (peak)").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(figures.get("completed invocations/s (peak)").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(figures.get("completed invocations/s (peak) vs pull + ack").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(figures.get("invoq peak RSS (VmHWM)").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(figures.values()).filteredOn(figure -> figure.name().startsWith("submit latency p50 / p99 / p99.9 at half peak"))
                .extracting(Figure::verdict).containsExactly(Verdict.FAIL);
        assertThat(figures.values()).filteredOn(figure -> figure.name().startsWith("backlog drain, 10 ms"))
                .extracting(Figure::verdict, Figure::ratio).containsExactly(tuple(Verdict.FAIL, "78 %"));
        assertThat(figures.values()).filteredOn(figure -> figure.name().startsWith("lost / duplicate"))
                .extracting(Figure::value, Figure::verdict).containsExactly(tuple("1 / 0", Verdict.FAIL));
    }

    @Test
    void judgesTheCompletedRateAndItsRatioToPullAndAckApart() {
        Map<String, Figure> figures = byName(Scorecard.figures(result(6_000, 5_000, FAST, 6_000, 0, 400), RAW, CORES));

        assertThat(figures.get("completed invocations/s (peak)").verdict()).isEqualTo(Verdict.PASS);
        assertThat(figures.get("completed invocations/s (peak) vs pull + ack"))
                .extracting(Figure::ratio, Figure::verdict).containsExactly("0.25×", Verdict.PASS);
        assertThat(byName(Scorecard.figures(result(6_000, 4_990, FAST, 6_000, 0, 400), RAW, CORES))
                .get("completed invocations/s (peak) vs pull + ack").verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void addsUpTheCpuPerCallOfAllPartiesAndTheRateTheCoresAllowAtMost() {
        Map<String, Figure> figures = byName(Scorecard.figures(spending(700, 300, 449), RAW, CORES));

        assertThat(figures.get("invoq CPU per call (warm-up excluded)").value()).isEqualTo("700 µs");
        assertThat(figures.get("nats-server CPU per call").value()).isEqualTo("300 µs");
        assertThat(figures.get("harness CPU per call (load generator, function, callbacks)").value()).isEqualTo("449 µs");
        assertThat(figures.get("all parties' CPU per call"))
                .extracting(Figure::value, Figure::baseline, Figure::verdict)
                .containsExactly("1,449 µs", "2 cores ⇒ at most 1,380/s", Verdict.INFO);
    }

    @Test
    void impliesNoCeilingWithoutCpuTime() {
        Map<String, Figure> figures = byName(Scorecard.figures(spending(0, 0, 0), RAW, CORES));

        assertThat(figures.get("all parties' CPU per call"))
                .extracting(Figure::value, Figure::baseline).containsExactly("0 µs", "–");
    }

    /** A result that meets every target, with the given CPU time per call of invoq, nats-server and the harness. */
    private static InvoqResult spending(double invoqMicros, double natsServerMicros, double harnessMicros) {
        InvoqResult passing = result(6_000, 5_500, FAST, 6_000, 0, 400);
        return new InvoqResult(passing.broker(), passing.warmUp(), passing.peak(), passing.halfPeakRate(), passing.halfPeak(),
                passing.halfCompletedRate(), passing.halfCompleted(),
                passing.noOpBacklog(), passing.slowBacklog(), passing.peakRssBytes(), invoqMicros, 0, natsServerMicros,
                harnessMicros, passing.unknownCalls());
    }

    private static InvoqResult result(double accepted, double completed, LatencySummary halfPeakLatency,
                                      double slowCompleted, long lost, long rssMebibytes) {
        PhaseResult peak = phase(accepted, completed, FAST, 0);
        WarmUpResult warmUp = new WarmUpResult(List.of(phase(1, 1, FAST, 0)), 1, 0.05, 0.1);
        return new InvoqResult(Broker.JETSTREAM, warmUp, peak, accepted / 2,
                phase(accepted / 2, accepted / 2, halfPeakLatency, 0), completed / 2,
                phase(completed / 2, completed / 2, FAST, 0), phase(1, 1, FAST, 0),
                phase(1, slowCompleted, FAST, lost), rssMebibytes * 1024 * 1024, 100, 10, 20, 40, 0);
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
