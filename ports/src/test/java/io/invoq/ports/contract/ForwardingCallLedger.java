package io.invoq.ports.contract;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.ports.out.CallLedger;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A call ledger that hands everything to another; a test's ledger overrides what it watches or changes. */
abstract class ForwardingCallLedger implements CallLedger {

    private final CallLedger ledger;

    ForwardingCallLedger(CallLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public CompletableFuture<Optional<CallRecord>> change(CallId call, CallChange change) {
        return ledger.change(call, change);
    }

    @Override
    public CompletableFuture<Optional<CallRecord>> find(CallId call) {
        return ledger.find(call);
    }

    @Override
    public boolean mayHaveBeenCancelled(CallId call) {
        return ledger.mayHaveBeenCancelled(call);
    }
}
