package io.invoq.adapter.http;

import io.invoq.ports.in.ReadinessQuery;

/** Ready until told otherwise. */
final class SwitchableReadiness implements ReadinessQuery {

    private volatile Readiness readiness = Readiness.READY;

    @Override
    public Readiness readiness() {
        return readiness;
    }

    void set(Readiness readiness) {
        this.readiness = readiness;
    }
}
