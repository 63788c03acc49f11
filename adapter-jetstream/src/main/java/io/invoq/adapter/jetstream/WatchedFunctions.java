package io.invoq.adapter.jetstream;

import io.invoq.domain.FunctionDefinition;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueWatcher;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * This process's copy of the functions bucket, kept current by a watch on it, so that a
 * submission or delivery looks its function up without a round trip to NATS. Changes made here
 * are applied at once; every change is applied only when it is newer than what is known, so a
 * late watch event cannot bring back an old definition.
 */
final class WatchedFunctions implements KeyValueWatcher {

    private record Known(long revision, Optional<FunctionDefinition> function) {
    }

    private final Map<String, Known> byKey = new ConcurrentHashMap<>();
    private final Function<KeyValueEntry, Optional<FunctionDefinition>> decoder;
    private volatile boolean complete;

    WatchedFunctions(Function<KeyValueEntry, Optional<FunctionDefinition>> decoder) {
        this.decoder = decoder;
    }

    /** Whether the watch has delivered the whole bucket once. */
    boolean isComplete() {
        return complete;
    }

    Optional<FunctionDefinition> get(String key) {
        Known known = byKey.get(key);
        return known == null ? Optional.empty() : known.function();
    }

    void saved(String key, long revision, FunctionDefinition function) {
        apply(key, new Known(revision, Optional.of(function)));
    }

    void removed(String key, long revision) {
        apply(key, new Known(revision, Optional.empty()));
    }

    @Override
    public void watch(KeyValueEntry entry) {
        apply(entry.getKey(), new Known(entry.getRevision(), decoder.apply(entry)));
    }

    @Override
    public void endOfData() {
        complete = true;
    }

    private void apply(String key, Known update) {
        byKey.merge(key, update, (current, next) -> next.revision() > current.revision() ? next : current);
    }
}
