package io.invoq.bench;

import java.util.Locale;

/** Tells the operator what the run is doing, on stderr, so that stdout carries only the report. */
final class Progress {

    private static final long STARTED = System.nanoTime();

    private Progress() {
    }

    static void log(String message) {
        System.err.printf(Locale.ROOT, "[bench %6.1fs] %s%n", (System.nanoTime() - STARTED) / 1e9, message);
    }
}
