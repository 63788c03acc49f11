package io.invoq.ports.out;

import java.time.Duration;
import java.util.Objects;

/** How a call ledger keeps records, the same on every broker: each for {@code retention} after its last change. */
public record CallLedgerSettings(Duration retention) {

    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
    public static final CallLedgerSettings DEFAULT = new CallLedgerSettings(DEFAULT_RETENTION);

    public CallLedgerSettings {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("call retention must be positive");
        }
    }
}
