package io.invoq.adapter.jetstream;

import io.invoq.domain.Invocation;
import io.invoq.ports.out.Delivery;
import io.invoq.ports.out.TimeSource;
import io.nats.client.Message;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message of a queue's stream, leased to this worker by the durable consumer. A retry after a
 * delay parks the call in the queue's delayed stream rather than NAKing it with that delay, because
 * JetStream keeps a NAKed message ack-pending, holding an in-flight slot, until it is redelivered.
 */
final class JetStreamDelivery implements Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(JetStreamDelivery.class);

    private final Message message;
    private final Envelope envelope;
    private final QueueLayout layout;
    private final Parts parts;

    JetStreamDelivery(Message message, Envelope envelope, QueueLayout layout, Parts parts) {
        this.message = message;
        this.envelope = envelope;
        this.layout = layout;
        this.parts = parts;
    }

    @Override
    public Invocation invocation() {
        return envelope.invocation();
    }

    @Override
    public int deliveryCount() {
        return envelope.priorDeliveries() + (int) message.metaData().deliveredCount();
    }

    @Override
    public void ack() {
        // Not ackSync: waiting for the server's reply would cost a round trip per call, and a lost
        // ack only means the call is delivered again, which at-least-once allows.
        message.ack();
    }

    @Override
    public void retryAfter(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            message.nak();
            return;
        }
        Envelope retry = envelope.retryAt(parts.time().now().plus(delay), deliveryCount());
        try {
            parts.mover().move(message, MessageMover.copyId(invocation().callId(), message),
                    layout.delayedSubject(invocation().function()), layout.delayedStream(), parts.codec().encode(retry));
        } catch (RuntimeException e) {
            LOG.warn("cannot park call {} for its retry ({}); it keeps its in-flight slot until redelivered",
                    invocation().callId(), e.getMessage());
            message.nakWithDelay(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            message.nakWithDelay(delay);
        }
    }

    @Override
    public void extendLease() {
        message.inProgress();
    }

    @Override
    public void reject() {
        message.term();
    }

    /** What every delivery of a broker shares. */
    record Parts(MessageCodec codec, MessageMover mover, TimeSource time) {
    }
}
