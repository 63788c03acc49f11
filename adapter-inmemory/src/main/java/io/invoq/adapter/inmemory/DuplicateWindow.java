package io.invoq.adapter.inmemory;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link io.invoq.domain.Invocation#deduplicationKey() de-duplication keys} (call id and
 * function) one queue has stored within the duplicate window, each counted from its first publish,
 * as JetStream's {@code Nats-Msg-Id} de-duplication does. Not thread-safe.
 */
final class DuplicateWindow {

    private final Duration length;
    private final Map<String, Instant> firstPublished = new LinkedHashMap<>();

    DuplicateWindow(Duration length) {
        this.length = length;
    }

    /** Whether {@code key} was published inside the window before {@code now}. */
    boolean isDuplicate(String key, Instant now) {
        forgetExpired(now);
        Instant earlier = firstPublished.get(key);
        return earlier != null && !hasExpired(earlier, now);
    }

    /** Remembers {@code key}, not a duplicate, as published at {@code now}. */
    void published(String key, Instant now) {
        firstPublished.remove(key);
        firstPublished.put(key, now);
    }

    /** Entries are in publish order, so the expired ones are at the head; one set back in time merely lingers. */
    private void forgetExpired(Instant now) {
        Iterator<Instant> oldestFirst = firstPublished.values().iterator();
        while (oldestFirst.hasNext() && hasExpired(oldestFirst.next(), now)) {
            oldestFirst.remove();
        }
    }

    private boolean hasExpired(Instant publishedAt, Instant now) {
        return !now.isBefore(publishedAt.plus(length));
    }
}
