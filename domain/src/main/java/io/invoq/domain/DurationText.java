package io.invoq.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written as plain seconds ({@code 90}, {@code 0.5}) or the Go way ({@code 1m30s}, {@code 250ms}). */
public final class DurationText {

    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern GO = Pattern.compile("((\\d+(\\.\\d+)?)(h|m|s|ms|us|µs|ns))+");
    private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)");

    private DurationText() {
    }

    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        try {
            return parseTrimmed(trimmed, text);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration: at most about 292 years");
        }
    }

    private static Duration parseTrimmed(String trimmed, String text) {
        if (SECONDS.matcher(trimmed).matches()) {
            return nanos(new BigDecimal(trimmed), 1_000_000_000L);
        }
        if (!GO.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration: use seconds (30) or a Go duration (90s, 5m, 1h30m, 250ms)");
        }
        long total = 0;
        Matcher part = GO_PART.matcher(trimmed);
        while (part.find()) {
            total = Math.addExact(total, nanos(new BigDecimal(part.group(1)), unitNanos(part.group(2))).toNanos());
        }
        return Duration.ofNanos(total);
    }

    /** Formats like Go's {@code time.Duration.String()} for whole units: {@code 1m30s}, {@code 250ms}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.toMillis() < 1000) {
            return duration.toNanos() % 1_000_000 == 0 ? duration.toMillis() + "ms" : duration.toNanos() + "ns";
        }
        StringBuilder text = new StringBuilder();
        if (duration.toHours() > 0) {
            text.append(duration.toHours()).append('h');
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append('m');
        }
        if (duration.toSecondsPart() > 0 || duration.toMillisPart() > 0) {
            text.append(duration.toSecondsPart());
            if (duration.toMillisPart() > 0) {
                text.append('.').append(String.format("%03d", duration.toMillisPart()).replaceAll("0+$", ""));
            }
            text.append('s');
        }
        return text.toString();
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "h" -> 3_600_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "s" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "us", "µs" -> 1_000L;
            default -> 1L;
        };
    }

    private static Duration nanos(BigDecimal amount, long unitNanos) {
        return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(unitNanos)).longValueExact());
    }
}
