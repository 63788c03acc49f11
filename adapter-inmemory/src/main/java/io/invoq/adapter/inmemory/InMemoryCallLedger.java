package io.invoq.adapter.inmemory;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.domain.CallState;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.CallLedgerSettings;
import io.invoq.ports.out.TimeSource;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Call records in this process's memory, each forgotten once the retention has passed since it
 * was last written, as the TimeSource tells, or once {@value #MOST_RECORDS} calls were changed
 * after it: the heap cannot hold a day of calls at thousands a second. One lock guards them all;
 * every future is complete when returned.
 */
final class InMemoryCallLedger implements CallLedger {

    /** Some 30 MiB of records; the calls a status look-up is still likely to ask for. */
    static final int MOST_RECORDS = 100_000;

    private record Written(CallRecord record, Instant at) {
    }

    private final CallLedgerSettings settings;
    private final TimeSource time;
    private final int mostRecords;
    /** In the order they were last written, so that those past their retention are at the head. */
    private final Map<CallId, Written> records = new LinkedHashMap<>();

    InMemoryCallLedger(CallLedgerSettings settings, TimeSource time) {
        this(settings, time, MOST_RECORDS);
    }

    InMemoryCallLedger(CallLedgerSettings settings, TimeSource time, int mostRecords) {
        this.settings = settings;
        this.time = time;
        this.mostRecords = mostRecords;
    }

    @Override
    public synchronized CompletableFuture<Optional<CallRecord>> change(CallId call, CallChange change) {
        Instant now = time.now();
        forgetExpired(now);
        Optional<CallRecord> held = Optional.ofNullable(records.get(call)).map(Written::record);
        change.applyTo(held).ifPresent(next -> {
            records.remove(call);
            records.put(call, new Written(next, now));
            if (records.size() > mostRecords) {
                records.remove(records.keySet().iterator().next());
            }
        });
        return CompletableFuture.completedFuture(held);
    }

    @Override
    public synchronized CompletableFuture<Optional<CallRecord>> find(CallId call) {
        forgetExpired(time.now());
        return CompletableFuture.completedFuture(Optional.ofNullable(records.get(call)).map(Written::record));
    }

    /** Exact: every process shares this one ledger. */
    @Override
    public synchronized boolean mayHaveBeenCancelled(CallId call) {
        Written written = records.get(call);
        return written != null && written.record().state() == CallState.CANCELLED;
    }

    /** A clock set back in time merely lets records linger. */
    private void forgetExpired(Instant now) {
        Iterator<Written> oldestFirst = records.values().iterator();
        while (oldestFirst.hasNext() && !now.isBefore(oldestFirst.next().at().plus(settings.retention()))) {
            oldestFirst.remove();
        }
    }
}
