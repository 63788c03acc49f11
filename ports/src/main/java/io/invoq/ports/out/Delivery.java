package io.invoq.ports.out;

import io.invoq.domain.Invocation;
import java.time.Duration;

/**
 * One invocation handed to one worker under a lease. Exactly one of {@link #ack()},
 * {@link #retryAfter(Duration)} or {@link #reject()} settles it; until then the worker must
 * {@link #extendLease()} before the lease runs out or the broker hands it to another worker.
 */
public interface Delivery {

    Invocation invocation();

    /** How many times this invocation has been delivered, this time included (1 the first time). */
    int deliveryCount();

    /** Done: the broker forgets the invocation. */
    void ack();

    /** Not done: deliver it again, to anyone, no sooner than {@code delay} from now. */
    void retryAfter(Duration delay);

    /** Still working: restart the lease. */
    void extendLease();

    /** Never deliver it again. */
    void reject();

    /**
     * The worker runs this delivery's function no more: the attempt has answered (the callback may
     * still be on its way), or the delivery was settled. It stays held until settled. Brokers have
     * nothing to do; a worker's flow control counts the function's running calls by it.
     */
    default void functionDone() {
    }
}
