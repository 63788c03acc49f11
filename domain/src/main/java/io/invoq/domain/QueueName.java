package io.invoq.domain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named queue of invocations; one broker stream per queue. The names a queue's own streams add
 * to it, {@code <queue>_delayed} and {@code <queue>_dlq}, are not queue names of their own.
 */
public record QueueName(String value) {

    /** The broker's stream and subject names hold it a few times over. */
    public static final int MAX_LENGTH = 128;
    private static final Pattern ALLOWED = Pattern.compile("[-a-zA-Z_0-9]{1," + MAX_LENGTH + "}");
    private static final List<String> RESERVED_SUFFIXES = List.of("_delayed", "_dlq");
    public static final QueueName DEFAULT = new QueueName("faas-request");

    public QueueName {
        Objects.requireNonNull(value, "queue name");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("queue name must match [-a-zA-Z_0-9]+, at most " + MAX_LENGTH + " characters");
        }
        if (RESERVED_SUFFIXES.stream().anyMatch(value::endsWith)) {
            throw new IllegalArgumentException("queue name must not end in " + String.join(" or ", RESERVED_SUFFIXES)
                    + ": those name a queue's delayed calls and dead letters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
