package io.invoq.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A call's callback that could not be delivered, retried until its policy gave up.
 *
 * @param givenUpAt when the worker gave up on it
 * @param reason    how its last attempt failed, e.g. {@code callback answered 503}
 */
public record CallbackFailure(Instant givenUpAt, String reason) {

    public CallbackFailure {
        Objects.requireNonNull(givenUpAt, "givenUpAt");
        Objects.requireNonNull(reason, "reason");
    }
}
