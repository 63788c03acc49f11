package io.invoq.bench;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CpuTimesTest {

    @Test
    void subtractsWhatEachPartyHadUsedBefore() {
        CpuTimes afterWarmUp = new CpuTimes(ofMillis(2_000), ofMillis(50), ofMillis(1_500));
        CpuTimes atTheEnd = new CpuTimes(ofMillis(9_000), ofMillis(50), ofMillis(6_000));

        assertThat(atTheEnd.minus(afterWarmUp)).isEqualTo(new CpuTimes(ofMillis(7_000), Duration.ZERO, ofMillis(4_500)));
    }

    @Test
    void dividesCpuTimeIntoMicrosecondsPerCall() {
        assertThat(CpuTimes.microsPerCall(ofMillis(7_000), 10_000)).isEqualTo(700.0);
        assertThat(CpuTimes.microsPerCall(Duration.ofNanos(1_500), 1)).isEqualTo(1.5);
    }

    @Test
    void noCallsCostNothingPerCall() {
        assertThat(CpuTimes.microsPerCall(ofMillis(7_000), 0)).isZero();
    }

    @Test
    void readsTheCpuTimeThisJvmHasUsed() {
        assertThat(CpuTimes.usedBy(ProcessHandle.current())).isPositive();
    }
}
