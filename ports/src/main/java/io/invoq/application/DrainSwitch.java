package io.invoq.application;

import java.util.concurrent.atomic.AtomicBoolean;

/** Flipped once when the process begins to shut down: from then on it takes no new work. */
public final class DrainSwitch {

    private final AtomicBoolean draining = new AtomicBoolean();

    public void beginDraining() {
        draining.set(true);
    }

    public boolean isDraining() {
        return draining.get();
    }
}
