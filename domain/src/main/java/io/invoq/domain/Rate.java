package io.invoq.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many calls of a function may start per period, written {@code 50/s}, {@code 600/m} or
 * {@code 1000/h}.
 */
public record Rate(long permits, Duration period) {

    private static final Pattern TEXT = Pattern.compile("([1-9]\\d{0,8})/(s|m|h)");

    public Rate {
        Objects.requireNonNull(period, "period");
        if (permits < 1) {
            throw new IllegalArgumentException("a rate allows at least one call per period");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate's period must be positive");
        }
    }

    /** @throws IllegalArgumentException naming the expected form */
    public static Rate parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate: use calls per second, minute or hour, "
                    + "e.g. 50/s, 600/m, 1000/h");
        }
        Duration period = switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        return new Rate(Long.parseLong(matcher.group(1)), period);
    }

    /** Permits per nanosecond. */
    double perNano() {
        return (double) permits / period.toNanos();
    }

    /**
     * The most calls that may start at once after a quiet spell: one second's worth, at least one, so
     * that {@code 600/m} starts 10 at once, never 600.
     */
    long burst() {
        return Math.max(1, Math.round(perNano() * Duration.ofSeconds(1).toNanos()));
    }

    @Override
    public String toString() {
        String unit = period.equals(Duration.ofSeconds(1)) ? "s" : period.equals(Duration.ofMinutes(1)) ? "m"
                : period.equals(Duration.ofHours(1)) ? "h" : period.toString();
        return permits + "/" + unit;
    }
}
