package io.invoq.application;

import java.util.concurrent.ThreadFactory;

/** Threads of a worker's own that never keep the process from exiting; shutdown stops them in order. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
