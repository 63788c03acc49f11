package io.invoq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacingTest {

    @Test
    void an_end_to_end_window_holds_a_request_back_until_an_earlier_call_has_called_back() {
        AtomicLong calledBack = new AtomicLong();
        Pacing pacing = Pacing.endToEnd(3, calledBack::get, 2_000_000);

        assertThat(pacing.dueAt(2, 0, 1_000)).isEqualTo(1_000);
        assertThat(pacing.dueAt(3, 0, 1_000)).isEqualTo(2_001_000);
        calledBack.set(1);
        assertThat(pacing.dueAt(3, 0, 5_000)).isEqualTo(5_000);
    }
}
