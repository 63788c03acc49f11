package io.invoq.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ManualTimeSourceTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private final ManualTimeSource clock = new ManualTimeSource(START);
    private final List<Instant> told = new ArrayList<>();

    @Test
    void the_clock_stands_still_until_it_is_moved() {
        assertThat(clock.now()).isEqualTo(START);
        assertThat(clock.now()).isEqualTo(START);
    }

    @Test
    void advancing_moves_the_clock_forward_and_tells_the_listeners_afterwards() {
        clock.addListener(() -> told.add(clock.now()));

        clock.advance(Duration.ofHours(2));
        clock.advance(Duration.ofMillis(5));

        Instant expected = START.plus(Duration.ofHours(2)).plusMillis(5);
        assertThat(clock.now()).isEqualTo(expected);
        assertThat(told).containsExactly(START.plus(Duration.ofHours(2)), expected);
    }

    @Test
    void setting_moves_the_clock_anywhere_and_tells_the_listeners_afterwards() {
        clock.addListener(() -> told.add(clock.now()));
        Instant earlier = START.minus(Duration.ofDays(1));

        clock.set(earlier);

        assertThat(clock.now()).isEqualTo(earlier);
        assertThat(told).containsExactly(earlier);
    }

    @Test
    void the_clock_does_not_advance_backwards() {
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.now()).isEqualTo(START);
    }

    @Test
    void a_removed_listener_is_no_longer_told() {
        Runnable listener = () -> told.add(clock.now());
        clock.addListener(listener);
        clock.removeListener(listener);

        clock.advance(Duration.ofSeconds(1));

        assertThat(told).isEmpty();
    }

    @Test
    void the_next_due_time_is_the_earliest_that_registered_work_reports() {
        Supplier<Optional<Instant>> inAnHour = () -> Optional.of(START.plus(Duration.ofHours(1)));
        clock.addDueTimes(inAnHour);
        clock.addDueTimes(() -> Optional.of(START.plusSeconds(10)));
        clock.addDueTimes(Optional::empty);

        assertThat(clock.nextDue()).contains(START.plusSeconds(10));
        clock.removeDueTimes(inAnHour);
        assertThat(clock.nextDue()).contains(START.plusSeconds(10));
    }

    @Test
    void nothing_is_due_while_nothing_is_registered() {
        assertThat(clock.nextDue()).isEmpty();
    }
}
