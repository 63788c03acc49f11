package io.invoq.ports.out;

import io.invoq.domain.CallId;

/**
 * The broker did not confirm a publish in time, nor its repetition: the call may have been
 * stored or not. Submitting it again with the same call id is safe within the duplicate window.
 */
public class PublishOutcomeUnknownException extends QueueUnavailableException {

    private final CallId callId;

    public PublishOutcomeUnknownException(CallId callId, String message, Throwable cause) {
        super(message, cause);
        this.callId = callId;
    }

    public CallId callId() {
        return callId;
    }
}
