package io.invoq.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowControlTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final FunctionName A = new FunctionName("a");
    private static final FunctionName B = new FunctionName("b");
    private static final FunctionName C = new FunctionName("c");

    // --- rates and budgets ---

    @Test
    void rates_are_calls_per_second_minute_or_hour() {
        assertThat(Rate.parse("50/s")).isEqualTo(new Rate(50, Duration.ofSeconds(1)));
        assertThat(Rate.parse(" 600/m ")).isEqualTo(new Rate(600, Duration.ofMinutes(1)));
        assertThat(Rate.parse("1000/h")).isEqualTo(new Rate(1000, Duration.ofHours(1)));
        assertThat(Rate.parse("600/m")).hasToString("600/m");
        for (String bad : new String[] {"", "50", "50/d", "0/s", "-1/s", "x/s", "1.5/s"}) {
            assertThatThrownBy(() -> Rate.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("e.g. 50/s");
        }
    }

    @Test
    void a_full_budget_allows_one_seconds_worth_at_once_then_refills_at_the_rate() {
        Rate rate = Rate.parse("600/m");
        TokenBucket.Grant first = TokenBucket.full(rate, T0).take(rate, 100, T0);
        assertThat(first.granted()).isEqualTo(10);

        TokenBucket.Grant none = first.after().take(rate, 5, T0.plusMillis(50));
        assertThat(none.granted()).isZero();
        assertThat(none.after().untilNext(rate, T0.plusMillis(50))).isEqualTo(Duration.ofMillis(50));

        TokenBucket.Grant later = none.after().take(rate, 5, T0.plusMillis(300));
        assertThat(later.granted()).isEqualTo(3);
    }

    @Test
    void a_budget_never_holds_more_than_one_burst_even_when_starts_are_given_back() {
        Rate rate = Rate.parse("5/s");
        TokenBucket.Grant grant = TokenBucket.full(rate, T0).take(rate, 2, T0);
        TokenBucket back = grant.after().giveBack(rate, 2, T0).giveBack(rate, 2, T0.plusSeconds(10));
        assertThat(back.take(rate, 100, T0.plusSeconds(10)).granted()).isEqualTo(5);
        assertThat(back.untilNext(rate, T0.plusSeconds(10))).isZero();
    }

    @Test
    void a_slow_rate_allows_one_call_at_once() {
        Rate rate = Rate.parse("1/h");
        TokenBucket.Grant first = TokenBucket.full(rate, T0).take(rate, 3, T0);
        assertThat(first.granted()).isEqualTo(1);
        assertThat(first.after().take(rate, 1, T0.plus(Duration.ofMinutes(59))).granted()).isZero();
        assertThat(first.after().take(rate, 1, T0.plus(Duration.ofMinutes(60))).granted()).isEqualTo(1);
    }

    // --- adaptive concurrency ---

    @Test
    void a_throttling_answer_halves_the_limit_once_per_cool_down() {
        AdaptiveLimit limit = AdaptiveLimit.startingAt(8);

        AdaptiveLimit once = limit.throttled(T0);
        AdaptiveLimit burst = once.throttled(T0.plusMillis(10)).throttled(T0.plusMillis(20));
        AdaptiveLimit twice = burst.throttled(T0.plus(AdaptiveLimit.COOL_DOWN));

        assertThat(once.limit()).isEqualTo(4);
        assertThat(burst.limit()).isEqualTo(4);
        assertThat(twice.limit()).isEqualTo(2);
        assertThat(twice.throttled(T0.plusSeconds(5)).throttled(T0.plusSeconds(10)).limit()).isEqualTo(1);
    }

    @Test
    void successes_raise_the_limit_by_one_per_limit_successes_up_to_the_ceiling() {
        AdaptiveLimit limit = AdaptiveLimit.startingAt(4).throttled(T0).throttled(T0.plusSeconds(2));
        assertThat(limit.limit()).isEqualTo(1);

        limit = limit.succeeded();
        assertThat(limit.limit()).isEqualTo(2);
        limit = limit.succeeded();
        assertThat(limit.limit()).isEqualTo(2);
        limit = limit.succeeded();
        assertThat(limit.limit()).isEqualTo(3);
        for (int i = 0; i < 10; i++) {
            limit = limit.succeeded();
        }
        assertThat(limit.limit()).isEqualTo(4);
        assertThat(limit.succeeded()).isEqualTo(limit);
    }

    @Test
    void a_lower_ceiling_lowers_the_limit() {
        AdaptiveLimit limit = AdaptiveLimit.startingAt(8).withCeiling(3);
        assertThat(limit.limit()).isEqualTo(3);
        assertThat(limit.withCeiling(6).limit()).isEqualTo(3);
        assertThat(limit.withCeiling(6).ceiling()).isEqualTo(6);
    }

    @Test
    void only_429_and_503_with_retry_after_push_back() {
        assertThat(AdaptiveLimit.isThrottling(429, false)).isTrue();
        assertThat(AdaptiveLimit.isThrottling(503, true)).isTrue();
        assertThat(AdaptiveLimit.isThrottling(503, false)).isFalse();
        assertThat(AdaptiveLimit.isThrottling(500, true)).isFalse();
        assertThat(AdaptiveLimit.isThrottling(200, false)).isFalse();
    }

    // --- fair share ---

    @Test
    void free_slots_go_round_the_functions_in_turn() {
        List<FairShare.Candidate> candidates = List.of(
                new FairShare.Candidate(A, 100), new FairShare.Candidate(B, 100), new FairShare.Candidate(C, 100));

        assertThat(FairShare.share(candidates, 7, null)).containsExactly(Map.entry(A, 3), Map.entry(B, 2), Map.entry(C, 2));
        assertThat(FairShare.share(candidates, 1, null)).containsExactly(Map.entry(A, 1));
        assertThat(FairShare.share(candidates, 1, A)).containsExactly(Map.entry(B, 1));
        assertThat(FairShare.share(candidates, 2, C)).containsExactly(Map.entry(A, 1), Map.entry(B, 1));
    }

    @Test
    void a_function_gets_no_more_than_its_room_and_the_others_take_the_rest() {
        List<FairShare.Candidate> candidates = List.of(
                new FairShare.Candidate(A, 1), new FairShare.Candidate(B, 0), new FairShare.Candidate(C, 10));

        assertThat(FairShare.share(candidates, 5, null)).containsExactly(Map.entry(A, 1), Map.entry(C, 4));
        assertThat(FairShare.share(List.of(new FairShare.Candidate(A, 2)), 5, null)).containsExactly(Map.entry(A, 2));
        assertThat(FairShare.share(List.of(), 5, null)).isEmpty();
    }

    // --- pauses, modes, annotations ---

    @Test
    void a_pause_holds_back_the_whole_queue_or_named_functions() {
        assertThat(Pauses.NONE.holdsBack(A)).isFalse();
        assertThat(new Pauses(true, Set.of()).holdsBack(A)).isTrue();
        assertThat(new Pauses(false, Set.of(A)).holdsBack(A)).isTrue();
        assertThat(new Pauses(false, Set.of(A)).holdsBack(B)).isFalse();
    }

    @Test
    void a_mode_conflict_names_both_modes_and_the_queue() {
        assertThat(ScalingMode.FUNCTION.conflictWith(new QueueName("jobs"), ScalingMode.STATIC))
                .contains("jobs", "scaling_mode=static", "scaling_mode=function");
    }

    @Test
    void flow_annotations_are_read_from_the_function() {
        FunctionDefinition plain = function(Map.of());
        FunctionDefinition limited = function(Map.of(FunctionDefinition.MAX_CONCURRENCY_ANNOTATION, " 2 ",
                FunctionDefinition.RATE_ANNOTATION, "50/s"));

        assertThat(plain.maxConcurrency()).isEmpty();
        assertThat(plain.rate()).isEmpty();
        assertThat(limited.maxConcurrency()).isEqualTo(OptionalInt.of(2));
        assertThat(limited.rate()).contains(Rate.parse("50/s"));
        for (String bad : new String[] {"0", "-1", "two", "1.5"}) {
            assertThatThrownBy(() -> function(Map.of(FunctionDefinition.MAX_CONCURRENCY_ANNOTATION, bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("annotation com.invoq.max_concurrency='" + bad + "' cannot be used");
        }
        assertThatThrownBy(() -> function(Map.of(FunctionDefinition.RATE_ANNOTATION, "fast")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("annotation com.invoq.rate='fast' cannot be used")
                .hasMessageContaining("e.g. 50/s");
    }

    private static FunctionDefinition function(Map<String, String> annotations) {
        return new FunctionDefinition(A, URI.create("http://a.invalid"), annotations);
    }
}
