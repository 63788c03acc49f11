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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The messages of one queue. Each is in exactly one place: waiting (due, in publish order),
 * delayed (until its start time or a retry time) or held (under a lease, occupying one of {@code maxAckPending} slots
 * until settled, even after the lease ran out and until it is handed out again).
 * Waiting and held messages are also indexed by function, for {@link #deliver(FunctionName, Instant, int, int)},
 * which hands out one function's calls under that function's own in-flight bound.
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
    private final Map<FunctionName, NavigableMap<Long, StoredMessage>> waitingByFunction = new HashMap<>();
    private final Map<FunctionName, Integer> heldByFunction = new HashMap<>();
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
            addWaiting(message);
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
            delivered.add(leaseWaiting(waiting.firstEntry().getValue(), now));
        }
        return delivered;
    }

    /**
     * Delivers up to {@code max} messages of one function: those whose lease ran out first, then
     * waiting ones while fewer than {@code concurrency} of the function's are held.
     */
    List<StoredMessage> deliver(FunctionName function, Instant now, int max, int concurrency) {
        releaseDelayed(now);
        List<StoredMessage> delivered = new ArrayList<>();
        for (StoredMessage expired : leasesRunOut(now)) {
            if (delivered.size() < max && expired.invocation().function().equals(function)) {
                held.remove(expired);
                delivered.add(lease(expired, now));
            }
        }
        NavigableMap<Long, StoredMessage> ofFunction = waitingByFunction.getOrDefault(function, new TreeMap<>());
        while (delivered.size() < max && heldByFunction.getOrDefault(function, 0) < concurrency && !ofFunction.isEmpty()) {
            delivered.add(leaseWaiting(ofFunction.firstEntry().getValue(), now));
        }
        return delivered;
    }

    /** The functions with messages to hand out now: due and waiting, or held by a lease that ran out. */
    Set<FunctionName> functionsWithCalls(Instant now) {
        releaseDelayed(now);
        Set<FunctionName> functions = new HashSet<>(waitingByFunction.keySet());
        leasesRunOut(now).forEach(message -> functions.add(message.invocation().function()));
        return functions;
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
        release(message);
        forget(message);
    }

    void retryAt(StoredMessage message, Instant instant) {
        release(message);
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
        waitingByFunction.clear();
        delayed.clear();
        purged.forEach(this::forget);
        return purged.size();
    }

    /** Hands out a message that was held before, whose lease ran out: it keeps its place among the held. */
    private StoredMessage lease(StoredMessage message, Instant now) {
        message.deliver(now, settings.ackWait());
        held.add(message);
        return message;
    }

    private StoredMessage leaseWaiting(StoredMessage message, Instant now) {
        waiting.remove(message.sequence());
        NavigableMap<Long, StoredMessage> ofFunction = waitingByFunction.get(message.invocation().function());
        ofFunction.remove(message.sequence());
        if (ofFunction.isEmpty()) {
            waitingByFunction.remove(message.invocation().function());
        }
        heldByFunction.merge(message.invocation().function(), 1, Integer::sum);
        return lease(message, now);
    }

    /** Takes a settled message out of the held ones. */
    private void release(StoredMessage message) {
        if (held.remove(message)) {
            heldByFunction.computeIfPresent(message.invocation().function(), (function, count) -> count == 1 ? null : count - 1);
        }
        message.endLease();
    }

    private List<StoredMessage> leasesRunOut(Instant now) {
        List<StoredMessage> expired = new ArrayList<>();
        for (StoredMessage message : held) {
            if (!message.leaseRunsOutBy(now)) {
                break;
            }
            expired.add(message);
        }
        return expired;
    }

    private void addWaiting(StoredMessage message) {
        waiting.put(message.sequence(), message);
        waitingByFunction.computeIfAbsent(message.invocation().function(), function -> new TreeMap<>())
                .put(message.sequence(), message);
    }

    private void releaseDelayed(Instant now) {
        while (!delayed.isEmpty() && delayed.first().isAvailableBy(now)) {
            addWaiting(delayed.pollFirst());
        }
    }

    private void forget(StoredMessage message) {
        pendingByFunction.computeIfPresent(
                message.invocation().function(), (function, count) -> count == 1 ? null : count - 1);
    }
}
