package io.invoq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.invoq.domain.CallState;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** A test's output carries no line per attempt of invoq's. */
class QuietLogsTest {

    @RegisterExtension
    final InvoqExtension invoq = InvoqExtension.inMemory()
            .function("flaky", request -> request.attempt() < 2 ? FunctionResponse.status(503) : FunctionResponse.ok("done"))
            .build();

    @Test
    void a_retried_call_logs_nothing_below_warn() {
        Logger logger = (Logger) LoggerFactory.getLogger(QuietInvoqLogs.INVOQ);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            String callId = invoq.submit("flaky", "");
            invoq.advance(Duration.ofMinutes(1));
            invoq.awaitState(callId, CallState.SUCCEEDED);
        } finally {
            logger.detachAppender(lines);
        }

        assertThat(lines.list).extracting(ILoggingEvent::getLevel).allMatch(level -> level.isGreaterOrEqual(Level.WARN));
    }
}
