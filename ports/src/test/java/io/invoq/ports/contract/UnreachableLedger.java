package io.invoq.ports.contract;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.QueueUnavailableException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A call ledger that cannot be reached: every change and look-up fails. */
final class UnreachableLedger implements CallLedger {

    @Override
    public CompletableFuture<Optional<CallRecord>> change(CallId call, CallChange change) {
        return CompletableFuture.failedFuture(new QueueUnavailableException("the ledger is down"));
    }

    @Override
    public CompletableFuture<Optional<CallRecord>> find(CallId call) {
        return CompletableFuture.failedFuture(new QueueUnavailableException("the ledger is down"));
    }
}
