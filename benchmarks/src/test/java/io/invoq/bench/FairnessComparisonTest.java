package io.invoq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FairnessComparisonTest {

    @Test
    void puts_each_brokers_static_and_function_mode_side_by_side_static_first() {
        FairnessResult jetStreamFunction = result(Broker.JETSTREAM, "function", 2, 1);
        FairnessResult jetStreamStatic = result(Broker.JETSTREAM, "static", 900, 0);
        FairnessResult inMemoryStatic = result(Broker.INMEMORY, "static", 400, 0);
        FairnessResult inMemoryFunction = result(Broker.INMEMORY, "function", 3, 0);

        List<FairnessComparison> comparisons = FairnessComparison.of(
                List.of(jetStreamFunction, jetStreamStatic, inMemoryStatic, inMemoryFunction));

        assertThat(comparisons).extracting(FairnessComparison::broker).containsExactly(Broker.JETSTREAM, Broker.INMEMORY);
        assertThat(comparisons.get(0).sideBySide(result -> Format.millis(result.trickleStart().p50Ms())))
                .containsExactly("900.00", "2.00");
        assertThat(comparisons.get(1).sideBySide(result -> Format.millis(result.trickleStart().p50Ms())))
                .containsExactly("400.00", "3.00");
        assertThat(comparisons.get(0).total(FairnessResult::lost)).isEqualTo(1);
    }

    @Test
    void a_mode_that_was_not_run_shows_a_dash_and_counts_nothing() {
        FairnessComparison onlyStatic = FairnessComparison.of(List.of(result(Broker.INMEMORY, "static", 5, 2))).get(0);

        assertThat(onlyStatic.functionMode()).isEmpty();
        assertThat(onlyStatic.sideBySide(result -> Format.count(result.trickleAccepted()))).containsExactly("30", "–");
        assertThat(onlyStatic.total(FairnessResult::lost)).isEqualTo(2);
    }

    @Test
    void the_phase_runs_static_mode_first_then_function_mode() {
        assertThat(FairnessComparison.MODES).containsExactly("static", "function");
    }

    private static FairnessResult result(Broker broker, String mode, double trickleP50Ms, long lost) {
        LatencySummary start = new LatencySummary(30, trickleP50Ms, trickleP50Ms * 2, trickleP50Ms * 2, trickleP50Ms * 2);
        return new FairnessResult(broker, mode, 20_000, 5_000, 4, 30, start, lost, 0);
    }
}
