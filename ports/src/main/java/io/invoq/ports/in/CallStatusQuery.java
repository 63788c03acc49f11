package io.invoq.ports.in;

import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import java.util.Optional;

/** Where a call stands. */
@FunctionalInterface
public interface CallStatusQuery {

    /**
     * @return empty when the call is unknown or its record outlived the retention
     * @throws io.invoq.ports.out.QueueUnavailableException when the ledger cannot be reached
     */
    Optional<CallRecord> status(CallId call);
}
