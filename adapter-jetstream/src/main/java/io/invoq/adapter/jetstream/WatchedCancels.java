package io.invoq.adapter.jetstream;

import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The cancelled calls this process knows of, kept current by a watch on the calls bucket's cancel
 * marks ({@code cancelled.<call key>}), so that a worker can tell without a round trip that a call
 * was not cancelled. Only the {@value #CAPACITY} latest are kept: a call cancelled longer ago is
 * no longer known here, and its worker learns of the cancel from the record, as it did before.
 */
final class WatchedCancels implements KeyValueWatcher {

    static final String MARK_PREFIX = "cancelled.";
    private static final int CAPACITY = 65_536;

    private final Set<String> callKeys = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(256, 0.75f) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > CAPACITY;
                }
            }));
    private volatile boolean complete;

    static String markOf(String callKey) {
        return MARK_PREFIX + callKey;
    }

    /** Whether the watch has delivered every mark the bucket held when it began. */
    boolean isComplete() {
        return complete;
    }

    boolean contains(String callKey) {
        return callKeys.contains(callKey);
    }

    /** A cancel this process recorded itself, known at once rather than when the watch brings it. */
    void cancelled(String callKey) {
        callKeys.add(callKey);
    }

    @Override
    public void watch(KeyValueEntry entry) {
        if (entry.getOperation() == KeyValueOperation.PUT && entry.getKey().startsWith(MARK_PREFIX)) {
            callKeys.add(entry.getKey().substring(MARK_PREFIX.length()));
        }
    }

    @Override
    public void endOfData() {
        complete = true;
    }
}
