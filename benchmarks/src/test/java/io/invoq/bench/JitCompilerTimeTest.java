package io.invoq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JitCompilerTimeTest {

    @Test
    void readsTheTimeThisJvmsCompilersHaveUsed() {
        // starting JUnit alone makes the JVM compile far more than one 10 ms clock tick's worth
        assertThat(JitCompilerTime.of(ProcessHandle.current().pid())).isPositive();
    }

    @Test
    void aProcessThatIsGoneHasUsedNone() {
        assertThat(JitCompilerTime.of(Long.MAX_VALUE)).isZero();
    }

    @Test
    void aWarmUpHasSettledOnlyBelowItsShare() {
        assertThat(new WarmUpResult(List.of(), 30, 0.09, 0.1).settled()).isTrue();
        assertThat(new WarmUpResult(List.of(), 30, 0.1, 0.1).settled()).isFalse();
    }
}
