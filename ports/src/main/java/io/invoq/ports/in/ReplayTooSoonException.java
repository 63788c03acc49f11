package io.invoq.ports.in;

import io.invoq.domain.CallId;

/**
 * A dead letter cannot be queued again while its call id is inside the duplicate window of its last
 * acceptance: the broker would drop it as a duplicate. It stays a dead letter; later, it can be.
 */
public class ReplayTooSoonException extends RuntimeException {

    public ReplayTooSoonException(CallId call) {
        super("call '" + call + "' was accepted within the duplicate window: replay it once the window has passed");
    }
}
