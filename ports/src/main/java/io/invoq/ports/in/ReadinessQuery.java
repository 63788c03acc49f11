package io.invoq.ports.in;

/** Whether this process should be sent work now. */
@FunctionalInterface
public interface ReadinessQuery {

    Readiness readiness();

    /** @param reason why not ready; {@code "ready"} when ready */
    record Readiness(boolean ready, String reason) {
        public static final Readiness READY = new Readiness(true, "ready");

        public static Readiness notReady(String reason) {
            return new Readiness(false, reason);
        }
    }
}
