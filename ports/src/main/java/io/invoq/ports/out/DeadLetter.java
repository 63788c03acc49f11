package io.invoq.ports.out;

import io.invoq.domain.Invocation;
import java.time.Instant;
import java.util.Objects;

/**
 * A call that ended without success, kept so that an operator can look at it and queue it again.
 *
 * @param attempts   the attempts it was given
 * @param lastStatus the status its last attempt ended with; 503 unreachable, 504 timed out
 */
public record DeadLetter(Invocation invocation, int attempts, int lastStatus, Instant deadLetteredAt) {

    public DeadLetter {
        Objects.requireNonNull(invocation, "invocation");
        Objects.requireNonNull(deadLetteredAt, "deadLetteredAt");
    }
}
