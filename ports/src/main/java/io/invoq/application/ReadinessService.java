package io.invoq.application;

import io.invoq.ports.in.ReadinessQuery;
import io.invoq.ports.out.InvocationQueue;

/** Ready while the broker is reachable and the process is not draining. */
public final class ReadinessService implements ReadinessQuery {

    private final InvocationQueue queue;
    private final DrainSwitch drain;

    public ReadinessService(InvocationQueue queue, DrainSwitch drain) {
        this.queue = queue;
        this.drain = drain;
    }

    @Override
    public Readiness readiness() {
        if (drain.isDraining()) {
            return Readiness.notReady("draining: shutting down");
        }
        if (!queue.isAvailable()) {
            return Readiness.notReady("broker unreachable");
        }
        return Readiness.READY;
    }
}
