package io.invoq.application;

import io.invoq.ports.out.Delivery;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A delivery a worker holds, settled exactly once: by the call's own ending, by a shutdown handing
 * it back to the broker, or by its cancellation, whichever comes first.
 */
final class ActiveCall {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveCall.class);

    private final Delivery delivery;
    private final AtomicBoolean settled = new AtomicBoolean();
    private final AtomicBoolean ending = new AtomicBoolean();
    private final AtomicBoolean functionEnded = new AtomicBoolean();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final CompletableFuture<Void> functionDone = new CompletableFuture<>();
    private volatile LeaseExtender.Extension lease = () -> { };
    private volatile Future<?> request = CompletableFuture.completedFuture(null);

    ActiveCall(Delivery delivery) {
        this.delivery = delivery;
    }

    Delivery delivery() {
        return delivery;
    }

    /** Completes once the delivery is settled. */
    CompletableFuture<Void> done() {
        return done;
    }

    /** Completes once the call runs its function no more: the attempt has answered, or the delivery was settled. */
    CompletableFuture<Void> functionDone() {
        return functionDone;
    }

    /** The attempt's function has answered, or failed to; what follows does not run it. */
    void functionAnswered() {
        endFunction();
    }

    /** Tells the delivery before anyone waiting for {@link #functionDone()}, e.g. a worker about to fetch the next call. */
    private void endFunction() {
        if (functionEnded.compareAndSet(false, true)) {
            delivery.functionDone();
        }
        functionDone.complete(null);
    }

    void holdLease(LeaseExtender.Extension extension) {
        this.lease = extension;
    }

    /** The function request of the attempt; aborted at once if the delivery was settled meanwhile. */
    void running(Future<?> functionRequest) {
        this.request = functionRequest;
        if (settled.get()) {
            functionRequest.cancel(true);
        }
    }

    /** Whether the delivery was settled, e.g. handed back by a shutdown or cancelled while the function ran. */
    boolean isSettled() {
        return settled.get();
    }

    /** Marks the call as ending after a failure in the worker; false when it was so marked already. */
    boolean endAfterWorkerFailure() {
        return ending.compareAndSet(false, true);
    }

    void ack() {
        settle(Delivery::ack, "ack");
    }

    void retryAfter(Duration delay) {
        settle(d -> d.retryAfter(delay), "retry");
    }

    /**
     * Gives the delivery back for immediate redelivery and aborts the function request; settled
     * first, so that the aborted request is not taken for a failed attempt.
     */
    void handBack() {
        settleAndAbort(d -> d.retryAfter(Duration.ZERO), "hand back");
    }

    /**
     * Acks the delivery of a call that is not to run (any more), cancelled or already ended, so that
     * it is never delivered again, and aborts the function request, settled first as in {@link #handBack()}.
     *
     * @return false when the delivery was settled already
     */
    boolean ackAndAbort() {
        return settleAndAbort(Delivery::ack, "ack");
    }

    private boolean settleAndAbort(Consumer<Delivery> outcome, String what) {
        if (!settle(outcome, what)) {
            return false;
        }
        request.cancel(true);
        return true;
    }

    /** @return whether this settled the delivery, false when it was settled already */
    private boolean settle(Consumer<Delivery> outcome, String what) {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        lease.close();
        try {
            outcome.accept(delivery);
        } catch (RuntimeException e) {
            LOG.warn("could not {} call {}; the broker will deliver it again: {}",
                    what, delivery.invocation().callId(), e.toString());
        } finally {
            endFunction();
            done.complete(null);
        }
        return true;
    }
}
