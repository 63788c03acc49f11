package io.invoq.ports.out;

import java.time.Duration;
import java.util.Objects;

/** How long a dead letter is kept, the same on every broker. */
public record DeadLetterSettings(Duration retention) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    public static final DeadLetterSettings DEFAULT = new DeadLetterSettings(DEFAULT_RETENTION);

    public DeadLetterSettings {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("dead letter retention must be positive");
        }
    }
}
