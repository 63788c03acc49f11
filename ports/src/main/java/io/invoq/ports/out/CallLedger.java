package io.invoq.ports.out;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where the record of every call is kept, shared by every gateway and worker of a deployment; a
 * record is forgotten once {@link CallLedgerSettings#retention()} has passed since its last change.
 * The changes of one call are applied one at a time, from whichever process, each to the record the
 * one before left, so that none is lost. Both methods complete exceptionally with
 * {@link QueueUnavailableException} when the ledger cannot be reached.
 */
public interface CallLedger {

    /**
     * Applies {@code change} to the call's record atomically. Completes with what the ledger held
     * before, whether or not the change applied.
     */
    CompletableFuture<Optional<CallRecord>> change(CallId call, CallChange change);

    /** The call's record, unless the ledger never knew the call or has forgotten it. */
    CompletableFuture<Optional<CallRecord>> find(CallId call);

    /**
     * Whether a cancel of the call may have been recorded, answered at once from what this process
     * knows. {@code false} promises that none was recorded before the cancels this process has
     * learned of; a cancel made by another process is learned of within moments. A ledger that
     * cannot promise that, e.g. while the store is unreachable, answers {@code true}.
     */
    default boolean mayHaveBeenCancelled(CallId call) {
        return true;
    }
}
