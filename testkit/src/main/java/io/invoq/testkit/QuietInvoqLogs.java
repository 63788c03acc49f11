package io.invoq.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Keeps invoq's own log lines (the logger {@code io.invoq}) at WARN while extensions run, so that a
 * test's output shows the test's logs and invoq's warnings, not a line per attempt. A level the test's
 * logging configuration gives {@code io.invoq} (e.g. in logback-test.xml) is left as it is. Logging
 * is one per JVM: the first extension to start quietens it, the last to stop gives it back.
 */
final class QuietInvoqLogs {

    static final String INVOQ = "io.invoq";

    private static int running;
    private static boolean quietened;

    private QuietInvoqLogs() {
    }

    static synchronized void begin() {
        if (running++ == 0 && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger invoq = context.getLogger(INVOQ);
            quietened = invoq.getLevel() == null;
            if (quietened) {
                invoq.setLevel(Level.WARN);
            }
        }
    }

    static synchronized void end() {
        if (--running == 0 && quietened && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(INVOQ).setLevel(null);
            quietened = false;
        }
    }
}
