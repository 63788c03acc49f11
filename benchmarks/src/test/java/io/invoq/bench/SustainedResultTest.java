package io.invoq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SustainedResultTest {

    private static final CpuUse NO_CPU = new CpuUse(0, 0, 0, 0, 0, 0, 0);

    @Test
    void the_first_ten_seconds_and_the_whole_load_are_rated_apart() {
        SustainedResult result = result(1_000, 1_000, 1_000, 1_000, 1_000, 2_000, 2_000, 2_000, 2_000, 2_000, 4_000, 4_000);

        assertThat(result.firstSecondsPerSecond()).isEqualTo(1_500);
        assertThat(result.completedPerSecond()).isEqualTo(23_000 / 12.0);
    }

    @Test
    void a_load_that_never_reaches_the_warm_rate_has_no_time_to_warm() {
        SustainedResult result = result(1_000, 2_000, 3_000, 3_500, 3_500);

        assertThat(result.secondsToReach(3_000)).isEqualTo(1);
        assertThat(result.secondsToReach(5_000)).isEqualTo(-1);
    }

    @Test
    void callbacks_are_counted_in_the_second_of_the_phase_they_arrived_in() {
        CallLedger ledger = new CallLedger("timeline", 10);
        ledger.calledBack(0, true);
        ledger.calledBack(1, true);

        assertThat(ledger.callbacksBySecond(3)).containsExactly(2, 0, 0);
    }

    private static SustainedResult result(int... bySecond) {
        PhaseResult phase = new PhaseResult("sustained", new LoadResult(0, 0, Map.of(), 0, "", 0, LatencySummary.EMPTY), 0,
                new CallTally(0, 0, 0, 0, 0, 0, LatencySummary.EMPTY));
        return new SustainedResult(phase, bySecond, NO_CPU, NO_CPU);
    }
}
