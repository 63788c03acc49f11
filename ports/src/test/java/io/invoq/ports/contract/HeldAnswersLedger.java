package io.invoq.ports.contract;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.ports.out.CallLedger;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A call ledger whose answers to changes can be held back, e.g. to see what a worker does before they come. */
final class HeldAnswersLedger extends ForwardingCallLedger {

    private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

    HeldAnswersLedger(CallLedger ledger) {
        super(ledger);
    }

    /** Changes from now on are applied, but answered only once {@link #release()} is called. */
    void holdAnswers() {
        gate = new CompletableFuture<>();
    }

    void release() {
        gate.complete(null);
    }

    @Override
    public CompletableFuture<Optional<CallRecord>> change(CallId call, CallChange change) {
        CompletableFuture<Void> answerAfter = gate;
        return super.change(call, change).thenCombine(answerAfter, (held, released) -> held);
    }
}
