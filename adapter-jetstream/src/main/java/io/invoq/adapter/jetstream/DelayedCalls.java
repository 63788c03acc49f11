package io.invoq.adapter.jetstream;

import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.TimeSource;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.support.NatsJetStreamConstants;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands delayed calls, those with a later start time or waiting out a retry delay, to their
 * queue's stream when they are due. The delayed stream's consumer does the waiting: a call that is
 * not due yet is NAKed until it is. Looking costs a round trip to the broker, so a queue is looked
 * at no more often than every {@value #LOOK_AGAIN_AFTER_MILLIS} ms unless the last look found more
 * than it could move at once.
 */
final class DelayedCalls {

    private static final int BATCH = 100;
    private static final long LOOK_AGAIN_AFTER_MILLIS = 200;
    private static final long LOOK_AGAIN_AFTER_NANOS = LOOK_AGAIN_AFTER_MILLIS * 1_000_000;

    private final JetStreamConnection connection;
    private final ConsumerPulls pulls;
    private final MessageCodec codec;
    private final MessageMover mover;
    private final TimeSource time;
    private final Map<QueueName, Long> nextLook = new ConcurrentHashMap<>();

    DelayedCalls(JetStreamConnection connection, ConsumerPulls pulls, MessageCodec codec, MessageMover mover, TimeSource time) {
        this.connection = connection;
        this.pulls = pulls;
        this.codec = codec;
        this.mover = mover;
        this.time = time;
    }

    /** Moves the calls that are due now, without waiting for any, unless the queue was looked at just now. */
    void releaseDue(QueueLayout layout) throws IOException, JetStreamApiException, InterruptedException {
        long now = System.nanoTime();
        Long next = nextLook.get(layout.queue());
        if (next != null && now - next < 0) {
            return;
        }
        nextLook.put(layout.queue(), now + LOOK_AGAIN_AFTER_NANOS);
        List<Message> delayed = pulls.pull(connection.client().jetStream(), layout.delayedStream(),
                layout.delayedDurable(), BATCH, Duration.ZERO, connection.requestTimeout());
        for (int i = 0; i < delayed.size(); i++) {
            try {
                release(delayed.get(i), layout);
            } catch (RuntimeException | InterruptedException e) {
                delayed.subList(i, delayed.size()).forEach(Message::nak);
                throw e;
            }
        }
        if (delayed.size() == BATCH) {
            nextLook.remove(layout.queue());
        }
    }

    private void release(Message message, QueueLayout layout) throws InterruptedException {
        Envelope envelope;
        try {
            envelope = codec.decode(message.getData());
        } catch (UnreadableMessageException e) {
            UnreadableMessages.setAside(message, e);
            return;
        }
        Instant now = time.now();
        if (!envelope.isDueAt(now)) {
            message.nakWithDelay(Duration.between(now, envelope.dueAt()));
            return;
        }
        Invocation invocation = envelope.invocation();
        mover.move(message, messageId(message, invocation), layout.subject(invocation.function()), layout.stream(),
                message.getData());
    }

    /**
     * A deferred call its publisher sent enters the queue's stream under its de-duplication key, so
     * that a late resubmission is still recognised there as a duplicate; any other copy under a copy
     * id, lest it be taken for a duplicate of the call's first message.
     */
    private static String messageId(Message message, Invocation invocation) {
        String key = invocation.deduplicationKey();
        boolean sentByPublisher = message.hasHeaders()
                && key.equals(message.getHeaders().getFirst(NatsJetStreamConstants.MSG_ID_HDR));
        return sentByPublisher ? key : MessageMover.copyId(invocation.callId(), message);
    }
}
