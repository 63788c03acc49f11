package io.invoq.adapter.inmemory;

import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.QueueFullException;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.QueueStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The messages of one queue. Each is in exactly one place: waiting (due, in publish order),
 * delayed (until its start time or a retry time) or held (under a lease, occupying one of {@code maxAckPending} slots
 * until settled, even after the lease ran out and until it is handed out again).
 * Not thread-safe: the broker calls it under its lock.
 */
final class StoredQueue {

    private final QueueName name;
    private final QueueSettings settings;
    private final DuplicateWindow duplicates;
    private final NavigableMap<Long, StoredMessage> waiting = new TreeMap<>();
    private final NavigableSet<StoredMessage> delayed = new TreeSet<>(StoredMessage.BY_AVAILABILITY);
    private final NavigableSet<StoredMessage> held = new TreeSet<>(StoredMessage.BY_LEASE_END);
    private final Map<FunctionName, Long> pendingByFunction = new HashMap<>();
    private long nextSequence;

    StoredQueue(QueueName name, QueueSettings settings) {
        this.name = name;
        this.settings = settings;
        this.duplicates = new DuplicateWindow(settings.duplicateWindow());
    }

    /**
     * Stores the invocation unless its call id was published for its function inside the duplicate
     * window; true when stored.
     *
     * @throws QueueFullException when the invocation is due and the queue holds its most due or running calls
     */
    boolean publish(Invocation invocation, Instant now) {
        if (duplicates.isDuplicate(invocation.deduplicationKey(), now)) {
            return false;
        }
        if (settings.isBounded() && invocation.isDueAt(now) && waiting.size() + held.size() >= settings.maxQueued()) {
            throw new QueueFullException("queue " + name + " holds its most of " + settings.maxQueued() + " calls");
        }
        duplicates.published(invocation.deduplicationKey(), now);
        StoredMessage message = new StoredMessage(nextSequence++, invocation);
        if (invocation.isDueAt(now)) {
            waiting.put(message.sequence(), message);
        } else {
            message.delayUntil(invocation.notBefore());
            delayed.add(message);
        }
        pendingByFunction.merge(invocation.function(), 1L, Long::sum);
        return true;
    }

    /**
     * Delivers up to {@code max} messages: first those whose lease ran out, as JetStream redelivers
     * before it delivers anew, then waiting ones while slots are free.
     */
    List<StoredMessage> deliver(Instant now, int max) {
        releaseDelayed(now);
        List<StoredMessage> delivered = new ArrayList<>();
        while (delivered.size() < max && !held.isEmpty() && held.first().leaseRunsOutBy(now)) {
            delivered.add(lease(held.pollFirst(), now));
        }
        while (delivered.size() < max && held.size() < settings.maxAckPending() && !waiting.isEmpty()) {
            delivered.add(lease(waiting.pollFirstEntry().getValue(), now));
        }
        return delivered;
    }

    /** When something becomes deliverable without a publish or a settlement, if ever. */
    Optional<Instant> nextChangeAt() {
        return Stream.concat(
                        delayed.stream().limit(1).map(StoredMessage::availableAt),
                        held.stream().limit(1).map(StoredMessage::leaseEnd))
                .min(Comparator.naturalOrder());
    }

    /**
     * When this queue next has work for a worker: {@code now} while a message waits to be delivered,
     * else when a delayed one is due or a held one's lease runs out. What the workers do with the
     * messages they hold is theirs to tell.
     */
    Optional<Instant> nextWorkAt(Instant now) {
        return waiting.isEmpty() ? nextChangeAt() : Optional.of(now);
    }

    /** Settled for good: acked or rejected. */
    void remove(StoredMessage message) {
        held.remove(message);
        message.endLease();
        forget(message);
    }

    void retryAt(StoredMessage message, Instant instant) {
        held.remove(message);
        message.endLease();
        message.delayUntil(instant);
        delayed.add(message);
    }

    void extendLease(StoredMessage message, Instant now) {
        held.remove(message);
        message.extendLease(now, settings.ackWait());
        held.add(message);
    }

    QueueStats stats() {
        return new QueueStats(name, waiting.size() + delayed.size() + held.size(), held.size(), pendingByFunction);
    }

    /** Removes every message not held, delayed ones included, returning how many. */
    long purge() {
        List<StoredMessage> purged = Stream.concat(waiting.values().stream(), delayed.stream()).toList();
        waiting.clear();
        delayed.clear();
        purged.forEach(this::forget);
        return purged.size();
    }

    private StoredMessage lease(StoredMessage message, Instant now) {
        message.deliver(now, settings.ackWait());
        held.add(message);
        return message;
    }

    private void releaseDelayed(Instant now) {
        while (!delayed.isEmpty() && delayed.first().isAvailableBy(now)) {
            StoredMessage due = delayed.pollFirst();
            waiting.put(due.sequence(), due);
        }
    }

    private void forget(StoredMessage message) {
        pendingByFunction.computeIfPresent(
                message.invocation().function(), (function, count) -> count == 1 ? null : count - 1);
    }
}
