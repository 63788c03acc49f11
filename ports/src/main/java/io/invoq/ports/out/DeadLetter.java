package io.invoq.ports.out;

import io.invoq.domain.Invocation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A call that ended without success, kept so that an operator can look at it and queue it again.
 *
 * @param attempts   the attempts it was given
 * @param lastStatus the status its last attempt ended with; 503 unreachable, 504 timed out
 * @param reason     why it ended so, when its last status does not say it, e.g. a failure in the worker
 */
public record DeadLetter(Invocation invocation, int attempts, int lastStatus, Instant deadLetteredAt,
                         Optional<String> reason) {

    public DeadLetter {
        Objects.requireNonNull(invocation, "invocation");
        Objects.requireNonNull(deadLetteredAt, "deadLetteredAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** A dead letter its last status explains. */
    public DeadLetter(Invocation invocation, int attempts, int lastStatus, Instant deadLetteredAt) {
        this(invocation, attempts, lastStatus, deadLetteredAt, Optional.empty());
    }
}
