package io.invoq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The level of invoq's logs as extensions start and stop (no extension of this class runs). */
class QuietInvoqLogsTest {

    private static final Logger INVOQ = (Logger) LoggerFactory.getLogger(QuietInvoqLogs.INVOQ);

    @AfterEach
    void unconfigure() {
        INVOQ.setLevel(null);
    }

    @Test
    void invoq_logs_at_warn_until_the_last_extension_stops() {
        QuietInvoqLogs.begin();
        QuietInvoqLogs.begin();
        assertThat(INVOQ.getLevel()).isEqualTo(Level.WARN);

        QuietInvoqLogs.end();
        assertThat(INVOQ.getLevel()).isEqualTo(Level.WARN);
        QuietInvoqLogs.end();
        assertThat(INVOQ.getLevel()).isNull();
    }

    @Test
    void a_level_the_logging_configuration_gives_io_invoq_is_left_as_it_is() {
        INVOQ.setLevel(Level.INFO);                     // as <logger name="io.invoq" level="INFO"/> does

        QuietInvoqLogs.begin();
        assertThat(INVOQ.getLevel()).isEqualTo(Level.INFO);
        QuietInvoqLogs.end();
        assertThat(INVOQ.getLevel()).isEqualTo(Level.INFO);
    }
}
