package io.invoq.adapter.jetstream;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of a bucket's keys that match one pattern, kept current by a watch, so that they are
 * read without a round trip; what this process writes itself is known at once. Each key keeps its
 * newest revision, so that the watch bringing an older one later does not undo a write.
 */
final class WatchedTexts implements KeyValueWatcher {

    /** A key's text at a revision; empty when the key was deleted. */
    record Revised(long revision, String text) {

        static Revised of(KeyValueEntry entry) {
            return new Revised(entry.getRevision(), textOf(entry));
        }

        private Revised newer(Revised other) {
            return other.revision > revision ? other : this;
        }
    }

    private static final Revised ABSENT = new Revised(0, "");

    private final String pattern;
    private final Map<String, Revised> byKey = new ConcurrentHashMap<>();
    private volatile boolean watching;
    private volatile boolean complete;

    /** @param pattern the keys to watch, as the bucket's watch takes them, e.g. {@code *.pauses} */
    WatchedTexts(String pattern) {
        this.pattern = pattern;
    }

    /** The text of an entry, empty when absent or deleted. */
    static String textOf(KeyValueEntry entry) {
        return entry == null || entry.getOperation() != KeyValueOperation.PUT || entry.getValue() == null
                ? "" : new String(entry.getValue(), StandardCharsets.UTF_8);
    }

    /** Starts the watch unless it runs; when it cannot be started, {@link #current} stays unknown until a later try. */
    void watchOn(KeyValue bucket) {
        if (watching) {
            return;
        }
        synchronized (this) {
            if (watching) {
                return;
            }
            try {
                bucket.watch(pattern, this);
                watching = true;
            } catch (IOException | JetStreamApiException | RuntimeException e) {
                // read directly until the watch can be made
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The key's text, empty when absent; unknown until the watch has caught up. */
    Optional<String> current(String key) {
        return complete ? Optional.of(byKey.getOrDefault(key, ABSENT).text()) : Optional.empty();
    }

    /** A revision of the key, written by this process or brought by the watch; the newer one is kept. */
    void written(String key, Revised written) {
        byKey.merge(key, written, Revised::newer);
    }

    @Override
    public void watch(KeyValueEntry entry) {
        written(entry.getKey(), Revised.of(entry));
    }

    @Override
    public void endOfData() {
        complete = true;
    }
}
