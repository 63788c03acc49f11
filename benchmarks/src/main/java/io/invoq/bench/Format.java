package io.invoq.bench;

import java.util.Locale;

/** How numbers read in the report. */
final class Format {

    private static final double BYTES_PER_MEBIBYTE = 1024.0 * 1024.0;

    private Format() {
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    static String millis(double millis) {
        return String.format(Locale.ROOT, "%.2f", millis);
    }

    static String percentiles(LatencySummary latency) {
        return latency.count() == 0 ? "–"
                : millis(latency.p50Ms()) + " / " + millis(latency.p99Ms()) + " / " + millis(latency.p999Ms()) + " ms";
    }

    static String medianAndP99(LatencySummary latency) {
        return latency.count() == 0 ? "–" : millis(latency.p50Ms()) + " / " + millis(latency.p99Ms()) + " ms";
    }

    static String ratio(double value, double baseline) {
        return baseline > 0 ? String.format(Locale.ROOT, "%.2f×", value / baseline) : "–";
    }

    static String ratios(LatencySummary value, LatencySummary baseline) {
        return ratio(value.p50Ms(), baseline.p50Ms()) + " / " + ratio(value.p99Ms(), baseline.p99Ms()) + " / "
                + ratio(value.p999Ms(), baseline.p999Ms());
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    static String micros(double micros) {
        return String.format(Locale.ROOT, "%,.0f µs", micros);
    }

    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / BYTES_PER_MEBIBYTE);
    }
}
