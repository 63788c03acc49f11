package io.invoq.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofSeconds(120);

    @Test
    void exponential_backoff_doubles_from_the_initial_wait_and_stops_at_the_maximum() {
        assertThat(IntStream.rangeClosed(1, 6)
                .mapToObj(attempt -> Backoff.EXPONENTIAL.delayAfter(attempt, INITIAL, MAX, () -> 0.5).toSeconds()))
                .containsExactly(10L, 20L, 40L, 80L, 120L, 120L);
    }

    @Test
    void full_jitter_spans_zero_to_the_whole_exponential_wait() {
        assertThat(Backoff.FULL.delayAfter(3, INITIAL, MAX, () -> 0.0)).isZero();
        assertThat(Backoff.FULL.delayAfter(3, INITIAL, MAX, () -> 0.25)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Backoff.FULL.delayAfter(3, INITIAL, MAX, () -> 0.999)).isLessThan(Duration.ofSeconds(40));
    }

    @Test
    void equal_jitter_keeps_at_least_half_of_the_exponential_wait() {
        assertThat(Backoff.EQUAL.delayAfter(3, INITIAL, MAX, () -> 0.0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Backoff.EQUAL.delayAfter(3, INITIAL, MAX, () -> 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.EQUAL.delayAfter(3, INITIAL, MAX, () -> 0.999)).isLessThan(Duration.ofSeconds(40));
    }

    @Test
    void a_huge_attempt_number_does_not_overflow() {
        assertThat(Backoff.EXPONENTIAL.delayAfter(10_000, INITIAL, MAX, () -> 0)).isEqualTo(MAX);
    }

    @Test
    void backoff_names_are_read_case_insensitively_and_unknown_ones_are_refused_with_the_choices() {
        assertThat(Backoff.parse("Full")).isEqualTo(Backoff.FULL);
        assertThatThrownBy(() -> Backoff.parse("linear")).hasMessageContaining("exponential, full or equal");
    }
}
