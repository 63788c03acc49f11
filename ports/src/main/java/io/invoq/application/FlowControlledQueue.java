package io.invoq.application;

import io.invoq.domain.FairShare;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.Pauses;
import io.invoq.domain.QueueName;
import io.invoq.domain.Rate;
import io.invoq.domain.ScalingMode;
import io.invoq.ports.out.Delivery;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.PublishReceipt;
import io.invoq.ports.out.QueueControls;
import io.invoq.ports.out.QueueStats;
import io.invoq.ports.out.QueueUnavailableException;
import io.invoq.ports.out.ScalingModeConflictException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker as a worker sees it: its fetches honour the queue's pauses and, in
 * {@link ScalingMode#FUNCTION}, share the worker's free slots round-robin among the functions with
 * calls due, each within its concurrency bound ({@value FunctionDefinition#MAX_CONCURRENCY_ANNOTATION}, kept by the
 * broker across all workers), its rate ({@value FunctionDefinition#RATE_ANNOTATION}, a start budget the
 * broker keeps for all workers) and, when adaptive, this worker's {@link AdaptiveConcurrency} limit.
 * Calls that may not start now stay in the broker: they hold no slot and no thread.
 *
 * <p>In {@link ScalingMode#STATIC} only a pause of the whole queue applies: one consumer hands out
 * the queue's calls in publish order, whatever their function.
 */
public final class FlowControlledQueue implements InvocationQueue {

    private static final Logger LOG = LoggerFactory.getLogger(FlowControlledQueue.class);
    /** How often a worker of a paused queue looks whether it was resumed. */
    private static final Duration PAUSED_POLL = Duration.ofMillis(100);
    /** How long a worker waits before it looks again when functions have calls but none may start. */
    private static final Duration HELD_BACK_POLL = Duration.ofMillis(50);

    private final InvocationQueue broker;
    private final QueueControls controls;
    private final FunctionDirectory functions;
    private final AdaptiveConcurrency adaptive;
    private final QueueName queue;
    private final FlowSettings settings;
    private final int slots;
    private final Map<FunctionName, AtomicInteger> held = new ConcurrentHashMap<>();
    private final Map<FunctionName, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Map<FunctionName, Long> rateRetryAt = new ConcurrentHashMap<>();
    private final Map<FunctionName, Ceiling> ceilings = new ConcurrentHashMap<>();
    private volatile boolean modeClaimed;
    private volatile FunctionName servedFirst;

    /** @param slots the most calls the worker runs at once: the ceiling of its adaptive limits */
    public FlowControlledQueue(InvocationQueue broker, QueueControls controls, FunctionDirectory functions,
                               AdaptiveConcurrency adaptive, QueueName queue, FlowSettings settings, int slots) {
        this.broker = broker;
        this.controls = controls;
        this.functions = functions;
        this.adaptive = adaptive;
        this.queue = queue;
        this.settings = settings;
        this.slots = slots;
    }

    /**
     * Claims the queue's scaling mode for this worker. A broker that cannot be reached now is asked
     * again by the first fetch that reaches it.
     *
     * @throws ScalingModeConflictException when the queue's other workers use the other mode
     */
    public void start() {
        try {
            claimMode();
        } catch (QueueUnavailableException e) {
            LOG.warn("cannot record scaling_mode={} for queue {} yet: {}", settings.mode().label(), queue, e.getMessage());
        }
    }

    private void claimMode() {
        if (!modeClaimed) {
            broker.useScalingMode(queue, settings.mode());
            modeClaimed = true;
        }
    }

    @Override
    public List<Delivery> fetch(QueueName queue, int max, Duration maxWait) throws InterruptedException {
        if (!queue.equals(this.queue)) {
            return broker.fetch(queue, max, maxWait);
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            claimMode();
        } catch (ScalingModeConflictException e) {
            LOG.error("taking no calls: {}", e.getMessage());
            TimeUnit.NANOSECONDS.sleep(maxWait.toNanos());
            return List.of();
        }
        while (true) {
            Pauses now = controls.pauses(queue);
            long left = deadline - System.nanoTime();
            if (now.queue()) {
                if (left <= 0) {
                    return List.of();
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(left, PAUSED_POLL.toNanos()));
                continue;
            }
            if (settings.mode() == ScalingMode.STATIC) {
                return broker.fetch(queue, max, Duration.ofNanos(Math.max(0, Math.min(left, PAUSED_POLL.toNanos()))));
            }
            List<Delivery> fetched = fetchFairly(max, Duration.ofNanos(Math.max(0, left)));
            left = deadline - System.nanoTime();
            if (!fetched.isEmpty() || left <= 0) {
                return fetched;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, HELD_BACK_POLL.toNanos()));
        }
    }

    /**
     * The limits of each function this worker has taken calls of, by name.
     *
     * @param bound    its bound across all workers of the queue, {@link FlowSettings#UNBOUNDED} for none
     * @param current  how many of its calls this worker may hold at once now: the bound or the worker's
     *                 slots, lowered by adaptive concurrency while the function pushes back
     * @param held     how many of its calls this worker holds now: running or being called back
     */
    public record FunctionLimits(int bound, int current, int held) {
    }

    public Map<FunctionName, FunctionLimits> limits() {
        Map<FunctionName, FunctionLimits> limits = new java.util.TreeMap<>(Comparator.comparing(FunctionName::value));
        ceilings.forEach((function, ceiling) -> limits.put(function, new FunctionLimits(ceiling.bound(),
                settings.adaptive() ? adaptive.limit(function, ceiling.ceiling()) : ceiling.ceiling(),
                held.getOrDefault(function, new AtomicInteger()).get())));
        return limits;
    }

    private record Ceiling(int bound, int ceiling) {
    }

    private List<Delivery> fetchFairly(int max, Duration wait) throws InterruptedException {
        Set<FunctionName> withCalls = broker.functionsWithCalls(queue, wait);
        // read after the wait, which a pause may have come during
        Pauses pauses = controls.pauses(queue);
        if (pauses.queue()) {
            return List.of();
        }
        List<FairShare.Candidate> candidates = withCalls.stream()
                .filter(function -> !pauses.holdsBack(function))
                .sorted(Comparator.comparing(FunctionName::value))
                .map(function -> new FairShare.Candidate(function, room(function, max)))
                .filter(candidate -> candidate.room() > 0)
                .toList();
        Map<FunctionName, Integer> shares = FairShare.share(candidates, max, servedFirst);
        List<Delivery> fetched = new ArrayList<>();
        for (Map.Entry<FunctionName, Integer> share : shares.entrySet()) {
            List<Delivery> ofFunction = fetch(share.getKey(), share.getValue());
            if (!ofFunction.isEmpty() && fetched.isEmpty()) {
                servedFirst = share.getKey();
            }
            fetched.addAll(ofFunction);
        }
        return fetched;
    }

    private List<Delivery> fetch(FunctionName function, int wanted) throws InterruptedException {
        Optional<FunctionDefinition> definition = functions.resolve(function);
        Optional<Rate> rate = definition.flatMap(FunctionDefinition::rate);
        int allowed = wanted;
        if (rate.isPresent()) {
            Long retryAt = rateRetryAt.get(function);
            if (retryAt != null && System.nanoTime() - retryAt < 0) {
                return List.of();
            }
            allowed = controls.takeStarts(queue, function, rate.get(), wanted);
            if (allowed == 0) {
                rateRetryAt.put(function, System.nanoTime() + oneStart(rate.get()));
                return List.of();
            }
        }
        List<Delivery> fetched = broker.fetch(queue, function, allowed, bound(definition));
        if (rate.isPresent() && fetched.size() < allowed) {
            controls.giveBackStarts(queue, function, rate.get(), allowed - fetched.size());
        }
        AtomicInteger holding = count(held, function);
        AtomicInteger runs = count(running, function);
        holding.addAndGet(fetched.size());
        runs.addAndGet(fetched.size());
        return fetched.stream().<Delivery>map(delivery -> new CountedDelivery(delivery, holding, runs)).toList();
    }

    /**
     * How many more calls of the function this worker may take now. The worker's slots, and the
     * adaptive limit, count the calls running their function, as the worker's own slots do: a call
     * whose callback is still being sent gives its place to the next. The function's bound counts
     * every call held, as the broker does.
     */
    private int room(FunctionName function, int max) {
        int bound = bound(functions.resolve(function));
        int ceiling = bound == FlowSettings.UNBOUNDED ? slots : Math.min(bound, slots);
        ceilings.put(function, new Ceiling(bound, ceiling));
        int limit = settings.adaptive() ? adaptive.limit(function, ceiling) : ceiling;
        int room = limit - count(running, function).get();
        if (bound != FlowSettings.UNBOUNDED) {
            room = Math.min(room, bound - count(held, function).get());
        }
        return Math.min(max, room);
    }

    private static AtomicInteger count(Map<FunctionName, AtomicInteger> counts, FunctionName function) {
        return counts.computeIfAbsent(function, ignored -> new AtomicInteger());
    }

    /** The function's bound across all workers; {@link FlowSettings#UNBOUNDED} for none. */
    private int bound(Optional<FunctionDefinition> definition) {
        OptionalInt annotated = definition.map(FunctionDefinition::maxConcurrency).orElse(OptionalInt.empty());
        return annotated.orElse(settings.defaultMaxConcurrency());
    }

    private static long oneStart(Rate rate) {
        return Math.min(rate.period().toNanos() / rate.permits(), HELD_BACK_POLL.toNanos());
    }


    @Override
    public void useScalingMode(QueueName queue, ScalingMode mode) {
        broker.useScalingMode(queue, mode);
    }

    @Override
    public Set<FunctionName> functionsWithCalls(QueueName queue, Duration maxWait) throws InterruptedException {
        return broker.functionsWithCalls(queue, maxWait);
    }

    @Override
    public List<Delivery> fetch(QueueName queue, FunctionName function, int max, int concurrency)
            throws InterruptedException {
        return broker.fetch(queue, function, max, concurrency);
    }

    @Override
    public PublishReceipt publish(Invocation invocation) {
        return broker.publish(invocation);
    }

    @Override
    public QueueStats stats(QueueName queue) {
        return broker.stats(queue);
    }

    @Override
    public long purge(QueueName queue) {
        return broker.purge(queue);
    }

    @Override
    public boolean isAvailable() {
        return broker.isAvailable();
    }

    @Override
    public void close() {
        broker.close();
    }

    /** A delivery that gives its function's running place back once its function is done, its held place once settled. */
    private static final class CountedDelivery implements Delivery {

        private final Delivery delivery;
        private final AtomicInteger held;
        private final AtomicInteger running;
        private final AtomicBoolean settled = new AtomicBoolean();
        private final AtomicBoolean functionDone = new AtomicBoolean();

        CountedDelivery(Delivery delivery, AtomicInteger held, AtomicInteger running) {
            this.delivery = delivery;
            this.held = held;
            this.running = running;
        }

        @Override
        public Invocation invocation() {
            return delivery.invocation();
        }

        @Override
        public int deliveryCount() {
            return delivery.deliveryCount();
        }

        @Override
        public void ack() {
            delivery.ack();
            settled();
        }

        @Override
        public void retryAfter(Duration delay) {
            delivery.retryAfter(delay);
            settled();
        }

        @Override
        public void extendLease() {
            delivery.extendLease();
        }

        @Override
        public void reject() {
            delivery.reject();
            settled();
        }

        @Override
        public void functionDone() {
            if (functionDone.compareAndSet(false, true)) {
                running.decrementAndGet();
                delivery.functionDone();
            }
        }

        private void settled() {
            functionDone();
            if (settled.compareAndSet(false, true)) {
                held.decrementAndGet();
            }
        }
    }
}
