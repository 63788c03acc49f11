package io.invoq.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies one asynchronous call; also the de-duplication key on the broker. */
public record CallId(String value) {

    public static final int MAX_LENGTH = 128;
    private static final Pattern ALLOWED = Pattern.compile("[-A-Za-z0-9_.:]{1," + MAX_LENGTH + "}");

    public CallId {
        Objects.requireNonNull(value, "call id");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "call id must be 1-" + MAX_LENGTH + " characters of [-A-Za-z0-9_.:]");
        }
    }

    public static CallId generate() {
        return new CallId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
