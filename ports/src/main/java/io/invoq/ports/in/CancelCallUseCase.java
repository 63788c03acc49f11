package io.invoq.ports.in;

import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import java.util.Optional;

/**
 * Cancels a call that has not ended: a queued call is never invoked, a running one is aborted and
 * not retried, and no callback is sent; whichever worker holds it acts on the cancel.
 */
@FunctionalInterface
public interface CancelCallUseCase {

    /**
     * @return the call's record after the cancel: {@code cancelled}, now or before, or the state it
     *         had already ended in; empty when the call is unknown
     * @throws io.invoq.ports.out.QueueUnavailableException when the ledger cannot be reached
     */
    Optional<CallRecord> cancel(CallId call);
}
