package io.invoq.ports.in;

import io.invoq.domain.CallId;
import java.time.Instant;

/**
 * A queued call.
 *
 * @param duplicate true when a call with the same id was already queued and this one was dropped
 */
public record Submission(CallId callId, Instant acceptedAt, boolean duplicate) {
}
