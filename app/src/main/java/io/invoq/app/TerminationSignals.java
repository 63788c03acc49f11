package io.invoq.app;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a graceful shutdown after which the process exits 0, as an
 * orchestrator expects of a clean stop; the JVM's own handling would exit 143 or 130.
 */
final class TerminationSignals {

    private TerminationSignals() {
    }

    static void onTermination(Runnable shutdown) {
        Thread stopper = new Thread(shutdown, "invoq-shutdown");
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (stopper.getState() == Thread.State.NEW) {
                    stopper.start();
                }
            });
        }
    }
}
