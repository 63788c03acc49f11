package io.invoq.application;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.ports.out.CallLedger;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call ledger as calls use it: it never fails a call nor holds one up. When the ledger cannot
 * be reached, a step is logged and lost and a look-up finds nothing, so the call goes on as if the
 * ledger knew nothing of it.
 */
public final class CallHistory {

    private static final Logger LOG = LoggerFactory.getLogger(CallHistory.class);
    /** A ledger that is down fails every step of every call; one warning this often is enough. */
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final CallLedger ledger;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    public CallHistory(CallLedger ledger) {
        this.ledger = ledger;
    }

    /** Completes, never exceptionally, with what the ledger held before the step; empty when it cannot say. */
    CompletableFuture<Optional<CallRecord>> record(CallId call, CallChange step) {
        return answer(() -> ledger.change(call, step), "record a step of call " + call);
    }

    /** Completes, never exceptionally, with the call's record; empty when the ledger cannot say. */
    CompletableFuture<Optional<CallRecord>> find(CallId call) {
        return answer(() -> ledger.find(call), "read call " + call);
    }

    /** Whether the call may have been cancelled; {@code true} when the ledger cannot say at once. */
    boolean mayHaveBeenCancelled(CallId call) {
        try {
            return ledger.mayHaveBeenCancelled(call);
        } catch (RuntimeException e) {
            complain("tell whether call " + call + " was cancelled", e);
            return true;
        }
    }

    private CompletableFuture<Optional<CallRecord>> answer(
            Supplier<CompletableFuture<Optional<CallRecord>>> question, String what) {
        CompletableFuture<Optional<CallRecord>> asked;
        try {
            asked = question.get();
        } catch (RuntimeException e) {
            asked = CompletableFuture.failedFuture(e);
        }
        return asked.exceptionally(error -> {
            complain(what, error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            return Optional.empty();
        });
    }

    private void complain(String what, Throwable error) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("call ledger: cannot {}, going on without it ({}); more such failures within 10 s are logged at debug",
                    what, error.toString());
        } else {
            LOG.debug("call ledger: cannot {}, going on without it ({})", what, error.toString());
        }
    }
}
