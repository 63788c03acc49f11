package io.invoq.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

/** Switches logging to the configured encoding and level once the configuration is known. */
final class LogSetup {

    private LogSetup() {
    }

    static void apply(InvoqConfig.LogEncoding encoding, boolean debug) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (encoding == InvoqConfig.LogEncoding.JSON) {
            context.reset();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            try {
                configurator.doConfigure(LogSetup.class.getResource("/logback-json.xml"));
            } catch (JoranException e) {
                throw new IllegalStateException("logback-json.xml is broken", e);
            }
        }
        if (debug) {
            context.getLogger("io.invoq").setLevel(Level.DEBUG);
        }
    }
}
