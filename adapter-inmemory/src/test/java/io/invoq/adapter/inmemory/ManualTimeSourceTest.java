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
    void advancing_moves_the_clock_forward() {
        clock.advance(Duration.ofHours(2));
        clock.advance(Duration.ofMillis(5));

        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofHours(2)).plusMillis(5));
    }

    @Test
    void setting_moves_the_clock_anywhere_and_runs_what_falls_due_by_then() {
        Instant earlier = START.minus(Duration.ofDays(1));
        clock.schedule(Duration.ofHours(1), () -> told.add(clock.now()));

        clock.set(earlier);
        assertThat(told).isEmpty();
        clock.set(START.plus(Duration.ofDays(1)));

        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(told).containsExactly(START.plus(Duration.ofHours(1)));
    }

    @Test
    void the_clock_does_not_advance_backwards() {
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.now()).isEqualTo(START);
    }

    @Test
    void moving_the_clock_runs_each_task_that_falls_due_in_order_with_the_clock_at_its_due_time() {
        clock.schedule(Duration.ofMinutes(2), () -> told.add(clock.now()));
        clock.schedule(Duration.ofMinutes(1), () -> told.add(clock.now()));
        clock.schedule(Duration.ofMinutes(3), () -> told.add(clock.now()));

        clock.advance(Duration.ofMinutes(2).plusSeconds(30));

        assertThat(told).containsExactly(START.plus(Duration.ofMinutes(1)), START.plus(Duration.ofMinutes(2)));
        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofMinutes(2).plusSeconds(30)));
        assertThat(clock.scheduledTasks()).isOne();
    }

    @Test
    void a_task_scheduled_by_a_task_runs_in_the_same_move_when_it_falls_due_by_its_end() {
        clock.schedule(Duration.ofSeconds(10), () -> {
            told.add(clock.now());
            clock.schedule(Duration.ofSeconds(10), () -> told.add(clock.now()));
        });

        clock.advance(Duration.ofMinutes(1));

        assertThat(told).containsExactly(START.plusSeconds(10), START.plusSeconds(20));
    }

    @Test
    void a_cancelled_task_never_runs_and_one_that_throws_does_not_stop_the_others() {
        clock.schedule(Duration.ofSeconds(1), () -> told.add(START)).cancel();
        clock.schedule(Duration.ofSeconds(2), () -> {
            throw new IllegalStateException("a defect");
        });
        clock.schedule(Duration.ofSeconds(3), () -> told.add(clock.now()));

        clock.advance(Duration.ofSeconds(5));

        assertThat(told).containsExactly(START.plusSeconds(3));
        assertThat(clock.scheduledTasks()).isZero();
    }

    @Test
    void a_task_waits_for_the_clock_to_move_even_with_no_delay() {
        clock.schedule(Duration.ZERO, () -> told.add(clock.now()));
        clock.schedule(Duration.ofSeconds(Long.MAX_VALUE), () -> told.add(clock.now()));
        assertThat(told).isEmpty();

        clock.advance(Duration.ZERO);

        assertThat(told).containsExactly(START);
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
