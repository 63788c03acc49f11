package io.invoq.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** A named queue of invocations; one broker stream per queue. */
public record QueueName(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[-a-zA-Z_0-9]+");
    public static final QueueName DEFAULT = new QueueName("faas-request");

    public QueueName {
        Objects.requireNonNull(value, "queue name");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("queue name must match [-a-zA-Z_0-9]+");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
