package io.invoq.adapter.inmemory;

import io.invoq.domain.Invocation;
import io.invoq.ports.out.Delivery;
import java.time.Duration;

/** One delivery of a stored message; it settles the message only while it is the one holding it. */
record InMemoryDelivery(InMemoryInvocationQueue broker, StoredQueue queue, StoredMessage message, int deliveryCount)
        implements Delivery {

    @Override
    public Invocation invocation() {
        return message.invocation();
    }

    @Override
    public void ack() {
        settleForGood();
    }

    @Override
    public void retryAfter(Duration delay) {
        broker.ifStillHeld(this, now -> queue.retryAt(message, now.plus(delay)));
    }

    @Override
    public void extendLease() {
        broker.ifStillHeld(this, now -> queue.extendLease(message, now));
    }

    @Override
    public void reject() {
        settleForGood();
    }

    private void settleForGood() {
        broker.ifStillHeld(this, now -> queue.remove(message));
    }

    boolean isHoldingItsMessage() {
        return message.isHeldBy(deliveryCount);
    }
}
