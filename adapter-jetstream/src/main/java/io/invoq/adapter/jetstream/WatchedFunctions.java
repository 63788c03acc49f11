package io.invoq.adapter.jetstream;

import io.invoq.domain.FunctionDefinition;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueWatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * This process's copy of the functions bucket, kept current by a watch on it, so that a
 * submission or delivery looks its function up without a round trip to NATS. Changes made here
 * are applied at once; every change is applied only when it is newer than what is known, so a
 * late watch event cannot bring back an old definition.
 *
 * <p>The watch delivers the bucket's revisions in order, so the copy holds every change up to the
 * last revision it delivered: it is the whole bucket as long as the bucket has no later revision.
 */
final class WatchedFunctions implements KeyValueWatcher {

    private record Known(long revision, Optional<FunctionDefinition> function) {
    }

    private final Map<String, Known> byKey = new ConcurrentHashMap<>();
    private final Function<KeyValueEntry, Optional<FunctionDefinition>> decoder;
    private volatile boolean complete;
    /** The last revision the watch delivered, set once its change is applied. */
    private volatile long watchedUpTo;

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

    /**
     * The functions the copy holds, if the watch has delivered {@code bucketRevision}, the bucket's
     * last, and so every change up to it.
     */
    Optional<List<FunctionDefinition>> allUpTo(long bucketRevision) {
        if (!complete || watchedUpTo < bucketRevision) {
            return Optional.empty();
        }
        return Optional.of(byKey.values().stream().flatMap(known -> known.function().stream()).toList());
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
        watchedUpTo = Math.max(watchedUpTo, entry.getRevision());
    }

    @Override
    public void endOfData() {
        complete = true;
    }

    private void apply(String key, Known update) {
        byKey.merge(key, update, (current, next) -> next.revision() > current.revision() ? next : current);
    }
}
