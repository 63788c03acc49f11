package io.invoq.adapter.http;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.ports.in.CallStatusQuery;
import io.invoq.ports.in.CancelCallUseCase;
import io.invoq.ports.out.QueueUnavailableException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Call records a test writes, behind the call use cases, cancelled by the domain's rule. */
final class CallBook implements CallStatusQuery, CancelCallUseCase {

    static final Instant CANCELLED_AT = Instant.parse("2030-01-02T03:05:00Z");

    private final Map<CallId, CallRecord> records = new ConcurrentHashMap<>();
    private volatile boolean ledgerDown;

    void write(CallRecord record) {
        records.put(record.callId(), record);
    }

    void takeLedgerDown() {
        ledgerDown = true;
    }

    @Override
    public Optional<CallRecord> status(CallId call) {
        requireLedger();
        return Optional.ofNullable(records.get(call));
    }

    @Override
    public Optional<CallRecord> cancel(CallId call) {
        Optional<CallRecord> held = status(call);
        Optional<CallRecord> cancelled = CallChange.cancelled(CANCELLED_AT).applyTo(held);
        cancelled.ifPresent(this::write);
        return cancelled.or(() -> held);
    }

    private void requireLedger() {
        if (ledgerDown) {
            throw new QueueUnavailableException("ledger down");
        }
    }
}
