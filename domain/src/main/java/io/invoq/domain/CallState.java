package io.invoq.domain;

import java.util.Locale;

/** Where a call is in its life. */
public enum CallState {
    QUEUED,
    RUNNING,
    RETRYING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    DEAD_LETTERED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == DEAD_LETTERED;
    }

    /** The lower-case, hyphenated name used on the wire, e.g. {@code dead-lettered}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The state a wire name names. */
    public static CallState ofWireName(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** How a call that ran to its end ends: a call out of retries is dead-lettered. */
    public static CallState endedBy(RetryDecision.Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> FAILED;
            case EXHAUSTED -> DEAD_LETTERED;
        };
    }
}
