package io.invoq.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * How the wait before a retry grows: doubling from the initial wait up to the maximum, with no
 * jitter ({@link #EXPONENTIAL}), a random 0-100 % of it ({@link #FULL}) or 50-100 % ({@link #EQUAL}).
 */
public enum Backoff {
    EXPONENTIAL,
    FULL,
    EQUAL;

    /**
     * The wait before the attempt after {@code failedAttempt} (1-based).
     *
     * @param random a source of numbers in [0, 1)
     */
    public Duration delayAfter(int failedAttempt, Duration initial, Duration max, DoubleSupplier random) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        Duration ceiling = doubled(initial, failedAttempt - 1, max);
        return switch (this) {
            case EXPONENTIAL -> ceiling;
            case FULL -> scaled(ceiling, random.getAsDouble());
            case EQUAL -> ceiling.dividedBy(2).plus(scaled(ceiling.dividedBy(2), random.getAsDouble()));
        };
    }

    public static Backoff parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("backoff must be exponential, full or equal, not '" + text + "'");
        }
    }

    private static Duration doubled(Duration initial, int times, Duration max) {
        Duration wait = initial;
        for (int i = 0; i < times && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static Duration scaled(Duration duration, double factor) {
        return Duration.ofNanos((long) (duration.toNanos() * factor));
    }
}
