package io.invoq.application;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.ports.in.CallStatusQuery;
import io.invoq.ports.in.CancelCallUseCase;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.TimeSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Answers where calls stand, and cancels them, from the call ledger. */
public final class CallStatusService implements CallStatusQuery, CancelCallUseCase {

    private final CallLedger ledger;
    private final TimeSource time;

    public CallStatusService(CallLedger ledger, TimeSource time) {
        this.ledger = ledger;
        this.time = time;
    }

    @Override
    public Optional<CallRecord> status(CallId call) {
        return joined(ledger.find(call));
    }

    @Override
    public Optional<CallRecord> cancel(CallId call) {
        CallChange cancel = CallChange.cancelled(time.now());
        Optional<CallRecord> held = joined(ledger.change(call, cancel));
        return cancel.applyTo(held).or(() -> held);
    }

    /** The ledger's answer, or the exception it failed with, unwrapped. */
    private static <T> T joined(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
