package io.invoq.adapter.inmemory;

import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.domain.ScalingMode;
import io.invoq.ports.out.Delivery;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.PublishReceipt;
import io.invoq.ports.out.QueueControls;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.QueueStats;
import io.invoq.ports.out.QueueUnavailableException;
import io.invoq.ports.out.Scheduler;
import io.invoq.ports.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A broker in this process's memory with JetStream's semantics. Leases, retry delays and the
 * duplicate window are measured by the {@link TimeSource}; when it is a {@link Scheduler}, such as a
 * {@link ManualTimeSource}, a fetcher waiting for a delay or a lease to run out is woken by a task
 * scheduled on it for then. How long {@link #fetch} waits is real time, as it is a poll timeout. One
 * lock guards every queue; fetchers wait on one condition, signalled by whatever may make a message
 * deliverable.
 */
final class InMemoryInvocationQueue implements InvocationQueue {

    /** Caps waits so that adding them to {@link System#nanoTime()} cannot overflow. */
    private static final Duration LONGEST_WAIT = Duration.ofDays(365);

    private final QueueSettings settings;
    private final TimeSource time;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Runnable wakeFetchers = this::wakeFetchers;
    private final Supplier<Optional<Instant>> nextDue = this::nextDue;
    private final Map<QueueName, StoredQueue> queues = new HashMap<>();
    private final InMemoryQueueControls controls;
    private boolean closed;

    InMemoryInvocationQueue(QueueSettings settings, TimeSource time) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.time = Objects.requireNonNull(time, "time");
        this.controls = new InMemoryQueueControls(time);
        if (time instanceof ManualTimeSource manual) {
            manual.addDueTimes(nextDue);
        }
    }

    @Override
    public PublishReceipt publish(Invocation invocation) {
        return whileOpen(() -> {
            boolean stored = queue(invocation.queue()).publish(invocation, time.now());
            if (stored) {
                changed.signalAll();
            }
            return new PublishReceipt(!stored);
        });
    }

    @Override
    public List<Delivery> fetch(QueueName queue, int max, Duration maxWait) throws InterruptedException {
        if (max < 1) {
            throw new IllegalArgumentException("fetch at least one delivery, not " + max);
        }
        return awaitNonEmpty(maxWait, (stored, now) -> deliveries(stored, stored.deliver(now, max)), queue);
    }

    private List<Delivery> deliveries(StoredQueue stored, List<StoredMessage> messages) {
        return messages.stream()
                .<Delivery>map(message -> new InMemoryDelivery(this, stored, message, message.deliveryCount()))
                .toList();
    }

    /** Looks at the queue until {@code look} finds something or {@code maxWait} (real time) has passed. */
    private <C extends Collection<?>> C awaitNonEmpty(Duration maxWait, BiFunction<StoredQueue, Instant, C> look,
                                                     QueueName queue) throws InterruptedException {
        long deadline = System.nanoTime() + nanos(maxWait);
        lock.lockInterruptibly();
        try {
            while (true) {
                requireOpen();
                StoredQueue stored = queue(queue);
                Instant now = time.now();
                C found = look.apply(stored, now);
                long remaining = deadline - System.nanoTime();
                if (!found.isEmpty() || remaining <= 0) {
                    return found;
                }
                awaitChange(remaining, stored.nextChangeAt(), now);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void useScalingMode(QueueName queue, ScalingMode mode) {
        whileOpen(() -> {
            controls.useScalingMode(queue, mode);
            return mode;
        });
    }

    @Override
    public Set<FunctionName> functionsWithCalls(QueueName queue, Duration maxWait) throws InterruptedException {
        return awaitNonEmpty(maxWait, (stored, now) -> stored.functionsWithCalls(now), queue);
    }

    @Override
    public List<Delivery> fetch(QueueName queue, FunctionName function, int max, int concurrency) {
        if (max < 1) {
            throw new IllegalArgumentException("fetch at least one delivery, not " + max);
        }
        return whileOpen(() -> {
            StoredQueue stored = queue(queue);
            int bound = concurrency > 0 ? concurrency : settings.maxAckPending();
            return deliveries(stored, stored.deliver(function, time.now(), max, bound));
        });
    }

    /** The queue's scaling modes, pauses and start budgets, kept with its calls. */
    QueueControls controls() {
        return controls;
    }

    @Override
    public QueueStats stats(QueueName queue) {
        return whileOpen(() -> Optional.ofNullable(queues.get(queue))
                .map(StoredQueue::stats)
                .orElseGet(() -> new QueueStats(queue, 0, 0, Map.of())));
    }

    @Override
    public long purge(QueueName queue) {
        return whileOpen(() -> Optional.ofNullable(queues.get(queue)).map(StoredQueue::purge).orElse(0L));
    }

    @Override
    public boolean isAvailable() {
        lock.lock();
        try {
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (time instanceof ManualTimeSource manual) {
            manual.removeDueTimes(nextDue);
        }
    }

    /** Applies a settlement or lease extension, unless the delivery no longer holds its message. */
    void ifStillHeld(InMemoryDelivery delivery, Consumer<Instant> change) {
        lock.lock();
        try {
            if (!closed && delivery.isHoldingItsMessage()) {
                change.accept(time.now());
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Now while a message is ready or held by a worker, else when the next delayed one is released. */
    private Optional<Instant> nextDue() {
        lock.lock();
        try {
            Instant now = time.now();
            return queues.values().stream().map(stored -> stored.nextWorkAt(now)).flatMap(Optional::stream)
                    .min(Instant::compareTo);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits, under the lock, for a change or {@code remaining} real nanoseconds: on a scheduler, a
     * task wakes the fetchers when {@code next} falls due, however the scheduler's time moves.
     */
    private void awaitChange(long remaining, Optional<Instant> next, Instant now) throws InterruptedException {
        if (!(time instanceof Scheduler scheduler)) {
            changed.awaitNanos(Math.min(remaining, nanosUntil(next, now)));
            return;
        }
        Scheduler.Scheduled wake = next.isEmpty() ? null
                : scheduler.schedule(Duration.between(now, next.get()), wakeFetchers);
        try {
            changed.awaitNanos(remaining);
        } finally {
            if (wake != null) {
                wake.cancel();
            }
        }
    }

    private void wakeFetchers() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private <T> T whileOpen(Supplier<T> action) {
        lock.lock();
        try {
            requireOpen();
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new QueueUnavailableException("the in-memory broker is closed");
        }
    }

    private StoredQueue queue(QueueName name) {
        return queues.computeIfAbsent(name, ignored -> new StoredQueue(name, settings));
    }

    private static long nanosUntil(Optional<Instant> next, Instant now) {
        return next.map(instant -> nanos(Duration.between(now, instant))).orElse(Long.MAX_VALUE);
    }

    private static long nanos(Duration duration) {
        if (duration.isNegative()) {
            return 0;
        }
        return duration.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT.toNanos() : duration.toNanos();
    }
}
