package io.invoq.application;

import io.invoq.ports.out.Delivery;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls deliveries of one queue and runs them, at most {@code max_inflight} functions at a time.
 * Function calls are asynchronous: a waiting call holds a slot, not a thread. A call whose function
 * has answered gives its slot to the next call while its callback is sent. With a read-ahead, the
 * worker fetches that many calls more than it has free slots, under a kept lease, and starts each
 * as soon as a slot frees. It holds at most {@link WorkerSettings#maxHeld()} deliveries in all.
 *
 * <p>It only moves calls: which call starts next ({@link #nextToStart()}), when a slot is taken
 * ({@link #takeSlot()}) and given back ({@link #releaseSlot()}); what happens to a call is the
 * {@link CallRunner}'s to carry out, and each call's {@link ActiveCall} owns its settlement.
 */
public final class InvocationWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InvocationWorker.class);
    private static final Duration BROKER_OUTAGE_PAUSE = Duration.ofSeconds(1);

    private final WorkerSettings settings;
    private final InvocationQueue queue;
    private final CallRunner runner;
    private final Semaphore slots;
    /** Calls this worker may fetch: its slots and its read-ahead, less the calls it has fetched and not yet run. */
    private final Semaphore fetchable;
    private final Semaphore held;
    private final Queue<ActiveCall> readAhead = new ConcurrentLinkedQueue<>();
    private final AtomicInteger startRequests = new AtomicInteger();
    private final Set<ActiveCall> active = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopPulling = new CountDownLatch(1);
    private final Thread puller;

    public InvocationWorker(WorkerSettings settings, InvocationQueue queue, CallRunner runner) {
        this.settings = settings;
        this.queue = queue;
        this.runner = runner;
        this.slots = new Semaphore(settings.maxInflight());
        this.fetchable = new Semaphore(settings.maxInflight() + settings.readAhead());
        this.held = new Semaphore(settings.maxHeld());
        this.puller = DaemonThreads.named("invoq-worker-" + settings.queue()).newThread(this::pull);
    }

    public void start() {
        puller.start();
        LOG.info("worker consuming queue {} with max_inflight={}", settings.queue(), settings.maxInflight());
    }

    /**
     * How many deliveries this worker holds now, each under a kept lease: calls read ahead, running
     * their function or being called back.
     */
    public int inFlight() {
        return active.size();
    }

    /**
     * Stops pulling, lets running calls finish for up to {@code grace}, then hands what is left
     * back to the broker for immediate redelivery. Returns how many calls were handed back.
     */
    public int drain(Duration grace) {
        stopPulling.countDown();
        joinPuller();
        CompletableFuture<Void> all = CompletableFuture.allOf(
                active.stream().map(ActiveCall::done).toArray(CompletableFuture[]::new));
        int handedBack = 0;
        try {
            all.get(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            for (ActiveCall call : Set.copyOf(active)) {
                if (!call.done().isDone()) {
                    call.handBack();
                    handedBack++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        LOG.info("worker for queue {} stopped; {} call(s) handed back to the broker", settings.queue(), handedBack);
        return handedBack;
    }

    @Override
    public void close() {
        drain(Duration.ZERO);
    }

    private void pull() {
        while (stopPulling.getCount() > 0) {
            try {
                if (!fetchable.tryAcquire(settings.fetchWait().toNanos(), TimeUnit.NANOSECONDS)) {
                    continue;
                }
                if (!held.tryAcquire(settings.fetchWait().toNanos(), TimeUnit.NANOSECONDS)) {
                    fetchable.release();
                    continue;
                }
                int wanted = 1 + takeMoreRoom();
                List<Delivery> deliveries = fetch(wanted);
                fetchable.release(wanted - deliveries.size());
                held.release(wanted - deliveries.size());
                deliveries.forEach(this::hold);
                startWhatSlotsAllow();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Takes as many more fetchable calls as there is room to hold; returns how many. */
    private int takeMoreRoom() {
        int more = fetchable.drainPermits();
        int room = held.drainPermits();
        int taken = Math.min(more, room);
        fetchable.release(more - taken);
        held.release(room - taken);
        return taken;
    }

    private List<Delivery> fetch(int wanted) throws InterruptedException {
        if (stopPulling.getCount() == 0) {
            return List.of();
        }
        try {
            return queue.fetch(settings.queue(), wanted, settings.fetchWait());
        } catch (QueueUnavailableException e) {
            LOG.warn("broker unavailable while fetching from {}: {}; retrying", settings.queue(), e.getMessage());
            stopPulling.await(BROKER_OUTAGE_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
            return List.of();
        }
    }

    private void hold(Delivery delivery) {
        ActiveCall call = new ActiveCall(delivery);
        runner.hold(call);
        active.add(call);
        call.functionDone().whenComplete((ignored, error) -> fetchable.release());
        call.done().whenComplete((ignored, error) -> {
            active.remove(call);
            held.release();
        });
        readAhead.add(call);
    }

    /**
     * Starts the calls fetched ahead while slots are free. Called whenever a call is fetched or a
     * slot frees, from any thread; one caller at a time does the work, for all of them.
     */
    private void startWhatSlotsAllow() {
        if (startRequests.getAndIncrement() != 0) {
            return;
        }
        do {
            while (!readAhead.isEmpty() && takeSlot()) {
                ActiveCall call = nextToStart();
                if (call == null || call.isSettled()) {
                    releaseSlot();
                    continue;
                }
                call.functionDone().whenComplete((ignored, error) -> {
                    releaseSlot();
                    startWhatSlotsAllow();
                });
                runner.run(call);
            }
        } while (startRequests.decrementAndGet() != 0);
    }

    /** The call to start in the slot just taken: the one fetched first; null when none is left. */
    private ActiveCall nextToStart() {
        return readAhead.poll();
    }

    /** Takes a slot for a call's function, if one is free; it is held until the function has answered. */
    private boolean takeSlot() {
        return slots.tryAcquire();
    }

    private void releaseSlot() {
        slots.release();
    }

    private void joinPuller() {
        try {
            puller.join(settings.fetchWait().multipliedBy(4).toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
