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

    @Test
    void passesAResultThatMeetsEveryTarget() {
        Map<String, Figure> figures = byName(Scorecard.figures(result(6_000, 5_500, FAST, 6_000, 0, 400), RAW));

        assertThat(figures.values()).filteredOn(figure -> figure.verdict() != Verdict.INFO)
                .extracting(Figure::verdict).containsOnly(Verdict.PASS);
        assertThat(figures.get("accepted submissions/s (peak)").ratio()).isEqualTo("0.60×");
    }

    @Test
    void failsEachFigureThatMissesItsTarget() {
        LatencySummary slow = new LatencySummary(1000, 1, 6, 9, 12);
        Map<String, Figure> figures = byName(Scorecard.figures(result(4_000, 4_000, slow, 5_000, 1, 600), RAW));

        assertThat(figures.get("accepted submissions/s (peak)").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(figures.get("completed invocations/s (peak)").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(figures.get("invoq peak RSS (VmHWM)").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(figures.values()).filteredOn(figure -> figure.name().startsWith("submit latency p50 / p99 / p99.9 at half peak"))
                .extracting(Figure::verdict).containsExactly(Verdict.FAIL);
        assertThat(figures.values()).filteredOn(figure -> figure.name().startsWith("backlog drain, 10 ms"))
                .extracting(Figure::verdict, Figure::ratio).containsExactly(tuple(Verdict.FAIL, "78 %"));
        assertThat(figures.values()).filteredOn(figure -> figure.name().startsWith("lost / duplicate"))
                .extracting(Figure::value, Figure::verdict).containsExactly(tuple("1 / 0", Verdict.FAIL));
    }

    private static InvoqResult result(double accepted, double completed, LatencySummary halfPeakLatency,
                                      double slowCompleted, long lost, long rssMebibytes) {
        PhaseResult peak = phase(accepted, completed, FAST, 0);
        return new InvoqResult(Broker.JETSTREAM, phase(1, 1, FAST, 0), peak, accepted / 2,
                phase(accepted / 2, accepted / 2, halfPeakLatency, 0), phase(1, 1, FAST, 0),
                phase(1, slowCompleted, FAST, lost), rssMebibytes * 1024 * 1024, 100, 0);
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
