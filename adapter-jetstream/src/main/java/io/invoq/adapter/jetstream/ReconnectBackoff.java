package io.invoq.adapter.jetstream;

import io.nats.client.ReconnectDelayHandler;
import java.time.Duration;

/** Pauses between connection attempts: doubling from the first wait, capped, never giving up. */
record ReconnectBackoff(Duration first, Duration max) implements ReconnectDelayHandler {

    private static final int MAX_DOUBLINGS = 30;

    static ReconnectBackoff of(JetStreamSettings settings) {
        return new ReconnectBackoff(settings.reconnectWait(), settings.maxReconnectWait());
    }

    /** @param attempts how many attempts have failed so far, at least 1 */
    @Override
    public Duration getWaitTime(long attempts) {
        int doublings = (int) Math.min(Math.max(attempts - 1, 0), MAX_DOUBLINGS);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
