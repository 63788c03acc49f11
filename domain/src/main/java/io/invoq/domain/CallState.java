package io.invoq.domain;

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
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
