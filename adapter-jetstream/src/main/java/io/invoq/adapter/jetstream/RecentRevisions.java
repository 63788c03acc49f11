package io.invoq.adapter.jetstream;

import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The call records this process wrote last, at their revisions, so that its next change of the same
 * call (the worker's next step) writes at once instead of reading first; a guess that turns out stale
 * only costs the read it saved. Records that ended are not kept, as no step follows them; beyond
 * {@value #CAPACITY} calls, the least recently used are dropped. Thread-safe.
 */
final class RecentRevisions {

    private static final int CAPACITY = 16_384;

    private final Map<CallId, CallRevision> byCall = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CallId, CallRevision> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized Optional<CallRevision> get(CallId call) {
        return Optional.ofNullable(byCall.get(call));
    }

    synchronized void written(CallId call, CallRecord record, long revision) {
        if (record.state().isFinal()) {
            byCall.remove(call);
        } else {
            byCall.put(call, new CallRevision(Optional.of(record), revision));
        }
    }

    synchronized void forget(CallId call) {
        byCall.remove(call);
    }
}
