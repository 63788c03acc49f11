package io.invoq.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** A named queue of invocations; one broker stream per queue. */
public record QueueName(String value) {

    /** The broker's stream and subject names hold it a few times over. */
    public static final int MAX_LENGTH = 128;
    private static final Pattern ALLOWED = Pattern.compile("[-a-zA-Z_0-9]{1," + MAX_LENGTH + "}");
    public static final QueueName DEFAULT = new QueueName("faas-request");

    public QueueName {
        Objects.requireNonNull(value, "queue name");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("queue name must match [-a-zA-Z_0-9]+, at most " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
