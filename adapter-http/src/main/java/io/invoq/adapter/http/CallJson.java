package io.invoq.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.invoq.domain.CallRecord;

/**
 * A call as {@code GET /system/calls/{id}} shows it; {@code status} is null until an attempt has
 * finished, {@code reason} is left out unless the call ended for a reason its status does not tell,
 * {@code callback} unless its callback was given up on; times are RFC 3339 in UTC.
 */
record CallJson(String callId, String state, String function, String queue, int attempts, Integer status,
                String acceptedAt, String updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                @JsonInclude(JsonInclude.Include.NON_NULL) Callback callback) {

    /** A callback that was given up on: {@code state} {@code failed}, when and why. */
    record Callback(String state, String givenUpAt, String reason) {
    }

    static CallJson of(CallRecord record) {
        return new CallJson(record.callId().value(), record.state().wireName(), record.function().value(),
                record.queue().value(), record.attempts(),
                record.lastStatus().isPresent() ? record.lastStatus().getAsInt() : null,
                record.acceptedAt().toString(), record.updatedAt().toString(), record.reason().orElse(null),
                record.callbackFailure()
                        .map(failure -> new Callback("failed", failure.givenUpAt().toString(), failure.reason()))
                        .orElse(null));
    }
}
