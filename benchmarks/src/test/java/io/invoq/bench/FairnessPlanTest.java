package io.invoq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FairnessPlanTest {

    @Test
    void trickles_one_call_every_one_over_the_rate_seconds_while_it_lasts() {
        assertThat(new FairnessPlan(20_000, 5, 10).trickleCalls()).isEqualTo(50);
        assertThat(new FairnessPlan(20_000, 0.5, 3).trickleCalls()).isEqualTo(1);
    }

    @Test
    void a_plan_without_a_flood_or_without_a_trickled_call_is_refused() {
        assertThatThrownBy(() -> new FairnessPlan(0, 5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FairnessPlan(100, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FairnessPlan(100, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_floods_of_both_profiles_outlast_their_trickles_even_at_the_10_ms_functions_ceiling() {
        double ceilingPerSecond = InvoqServer.MAX_INFLIGHT * 100.0;
        for (RunProfile profile : new RunProfile[] {RunProfile.FULL, RunProfile.QUICK}) {
            FairnessPlan plan = profile.fairness();
            assertThat(plan.floodCalls() / ceilingPerSecond).isGreaterThan(plan.trickleSeconds());
        }
    }
}
