package io.invoq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void reportsPercentilesInMillisecondsFromNanoseconds() {
        Histogram nanos = new Histogram(LatencySummary.SIGNIFICANT_DIGITS);
        for (int millis = 1; millis <= 1000; millis++) {
            nanos.recordValue(millis * 1_000_000L);
        }

        LatencySummary summary = LatencySummary.of(nanos);

        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50Ms()).isCloseTo(500, within(1.0));
        assertThat(summary.p99Ms()).isCloseTo(990, within(1.0));
        assertThat(summary.p999Ms()).isCloseTo(999, within(1.0));
        assertThat(summary.maxMs()).isCloseTo(1000, within(1.0));
    }

    @Test
    void anEmptyHistogramHasNoPercentiles() {
        assertThat(LatencySummary.of(new Histogram(LatencySummary.SIGNIFICANT_DIGITS))).isEqualTo(LatencySummary.EMPTY);
    }
}
