package io.invoq.app;

import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.domain.RetryDecision;
import io.invoq.ports.out.InvocationEvents;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log event per step of a call, carrying call id, function, queue, attempt, status and
 * duration as MDC fields (under {@code mdc} in {@code log_encoding=json}). Bodies and headers are
 * logged only with {@code debug=true}, and then only as {@link SubmissionDetails} shows them. A step
 * logged at debug costs nothing while debug is off: its fields are set only for an event written.
 */
final class InvocationLog implements InvocationEvents {

    private static final Logger LOG = LoggerFactory.getLogger("io.invoq.calls");
    private static final String[] STEP_FIELDS = {"attempt", "status", "duration_ms", "waited_ms", "outcome"};

    private final boolean debug;

    InvocationLog(boolean debug) {
        this.debug = debug;
    }

    @Override
    public void submitted(Invocation invocation, boolean duplicate) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        withCall(invocation, () -> {
            String what = duplicate ? "duplicate call id, not queued again" : "call queued";
            if (debug) {
                LOG.debug("{}: {}", what, SubmissionDetails.of(invocation));
            } else {
                LOG.debug(what);
            }
        });
    }

    @Override
    public void attemptStarted(Invocation invocation, int attempt, Duration waited) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        withCall(invocation, () -> {
            MDC.put("attempt", Integer.toString(attempt));
            MDC.put("waited_ms", Long.toString(waited.toMillis()));
            LOG.debug("attempt started after {} ms in the queue", waited.toMillis());
        });
    }

    @Override
    public void attemptFinished(Invocation invocation, int attempt, InvocationResult result, RetryDecision decision) {
        withCall(invocation, () -> {
            MDC.put("attempt", Integer.toString(attempt));
            MDC.put("status", Integer.toString(result.status()));
            MDC.put("duration_ms", Long.toString(result.duration().toMillis()));
            if (decision instanceof RetryDecision.RetryAfter retry) {
                LOG.info("attempt failed with {}; retrying in {} ms", result.status(), retry.delay().toMillis());
            } else {
                LOG.info("attempt finished with {}", result.status());
            }
        });
    }

    @Override
    public void attemptAbandoned(Invocation invocation, int attempt) {
        withCall(invocation, () -> {
            MDC.put("attempt", Integer.toString(attempt));
            LOG.info("attempt abandoned: the call was handed back to the broker or cancelled");
        });
    }

    @Override
    public void callCancelled(Invocation invocation, int attempt) {
        withCall(invocation, () -> {
            MDC.put("attempt", Integer.toString(attempt));
            MDC.put("outcome", "cancelled");
            LOG.info("call cancelled: acked without a callback");
        });
    }

    @Override
    public void callFinished(Invocation invocation, int attempts, int status, RetryDecision.Outcome outcome) {
        if (outcome == RetryDecision.Outcome.SUCCEEDED && !LOG.isDebugEnabled()) {
            return;
        }
        withCall(invocation, () -> {
            MDC.put("attempt", Integer.toString(attempts));
            MDC.put("status", Integer.toString(status));
            MDC.put("outcome", outcome.name().toLowerCase(Locale.ROOT));
            if (outcome == RetryDecision.Outcome.SUCCEEDED) {
                LOG.debug("call succeeded");
            } else {
                LOG.info("call {} after {} attempt(s) with {}", MDC.get("outcome"), attempts, status);
            }
        });
    }

    @Override
    public void callbackFailed(Invocation invocation, String reason) {
        withCall(invocation, () -> LOG.warn("callback failed for good: {}", reason));
    }

    private static void withCall(Invocation invocation, Runnable log) {
        try (MDC.MDCCloseable callId = MDC.putCloseable("call_id", invocation.callId().value());
             MDC.MDCCloseable function = MDC.putCloseable("function", invocation.function().value());
             MDC.MDCCloseable queue = MDC.putCloseable("queue", invocation.queue().value())) {
            log.run();
        } finally {
            for (String field : STEP_FIELDS) {
                MDC.remove(field);
            }
        }
    }
}
