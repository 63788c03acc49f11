package io.invoq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MachineCpuTest {

    @Test
    void counts_user_system_and_interrupt_time_as_busy_and_idle_and_iowait_as_not() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        MachineCpu cpu = MachineCpu.parse("cpu  100 2 30 500 7 1 10 0 40 0");

        assertThat(cpu.busyNanos()).isEqualTo((100 + 2 + 30 + 1 + 10) * 10_000_000L);
        assertThat(cpu.totalNanos()).isEqualTo((100 + 2 + 30 + 500 + 7 + 1 + 10) * 10_000_000L);
    }

    @Test
    void the_difference_of_two_readings_is_the_work_done_between_them() {
        MachineCpu before = MachineCpu.parse("cpu 100 0 100 800 0 0 0 0");
        MachineCpu after = MachineCpu.parse("cpu 250 0 200 850 0 0 0 0");

        assertThat(after.minus(before).busyShare()).isEqualTo(250.0 / 300);
    }

    @Test
    void only_the_machine_wide_line_is_read() {
        assertThatThrownBy(() -> MachineCpu.parse("cpu0 1 2 3 4")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reads_this_machine() {
        assertThat(MachineCpu.now().totalNanos()).isPositive();
    }
}
