package io.invoq.adapter.jetstream;

import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.domain.ScalingMode;
import io.invoq.ports.out.Delivery;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.InvocationTooLargeException;
import io.invoq.ports.out.PublishOutcomeUnknownException;
import io.invoq.ports.out.PublishReceipt;
import io.invoq.ports.out.QueueControls;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.QueueStats;
import io.invoq.ports.out.QueueUnavailableException;
import io.invoq.ports.out.ScalingModeConflictException;
import io.invoq.ports.out.TimeSource;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The broker on NATS JetStream. A queue's streams and consumers are created on its first publish
 * or fetch; statistics and purges never create them. A call that is not due yet waits in the
 * queue's delayed stream, so that it holds no in-flight slot and its wait is not a delivery.
 * Closing the broker closes the connection, which the function registry shares, so it is closed last.
 */
final class JetStreamInvocationQueue implements InvocationQueue {

    /** How long a fetch waits on the queue's stream before it looks again for delayed calls that fell due. */
    private static final Duration DELAYED_CHECK_INTERVAL = Duration.ofSeconds(1);
    /** How often an idle worker in function mode looks for functions with calls. */
    private static final Duration FUNCTIONS_POLL = Duration.ofMillis(100);

    private final JetStreamConnection connection;
    private final StreamProvisioner provisioner;
    private final QueueSettings queueSettings;
    private final TimeSource time;
    private final MessageCodec codec;
    private final MessageMover mover;
    private final DelayedCalls delayedCalls;
    private final QueueContents contents;
    private final ConsumerPulls pulls = new ConsumerPulls();
    private final JetStreamDelivery.Parts deliveryParts;
    private final FunctionConsumers functionConsumers;
    private final KeyValueQueueControls controls;

    JetStreamInvocationQueue(JetStreamConnection connection, JetStreamSettings settings, QueueSettings queueSettings,
                             TimeSource time) {
        this.connection = connection;
        this.provisioner = new StreamProvisioner(connection, settings, queueSettings);
        this.queueSettings = queueSettings;
        this.time = time;
        this.codec = new MessageCodec();
        this.mover = new MessageMover(connection);
        this.delayedCalls = new DelayedCalls(connection, pulls, codec, mover, time);
        this.deliveryParts = new JetStreamDelivery.Parts(codec, mover, time);
        this.contents = new QueueContents(connection);
        this.functionConsumers = new FunctionConsumers(connection, provisioner, queueSettings,
                settings.consumerInactiveThreshold());
        this.controls = new KeyValueQueueControls(connection, settings, time);
    }

    @Override
    public PublishReceipt publish(Invocation invocation) {
        try {
            return publishOnce(invocation);
        } catch (StreamMissingException e) {
            // deleted behind our back, or not made sure of while the broker could not tell: make it now
            provisioner.forget(invocation.queue());
            try {
                return publishOnce(invocation);
            } catch (StreamMissingException again) {
                throw failed(invocation.queue(), "cannot queue call " + invocation.callId(), again.cause());
            }
        }
    }

    /** A publish that found no stream for its subject: nothing was stored. */
    private static final class StreamMissingException extends RuntimeException {
        StreamMissingException(Exception cause) {
            super(cause);
        }

        Exception cause() {
            return (Exception) getCause();
        }
    }

    private PublishReceipt publishOnce(Invocation invocation) {
        Envelope envelope = Envelope.of(invocation);
        boolean due = envelope.isDueAt(time.now());
        QueueLayout layout = provisioner.provisionStream(invocation.queue(), due);
        String stream = due ? layout.stream() : layout.delayedStream();
        String subject = due ? layout.subject(invocation.function()) : layout.delayedSubject(invocation.function());
        byte[] data = codec.encode(envelope);
        JetStreamConnection.Client client = connection.client();
        requireWithinMaxPayload(invocation, data, client.nats().getMaxPayload());
        PublishOptions.Builder options = PublishOptions.builder().expectedStream(stream);
        boolean deduplicated = !queueSettings.duplicateWindow().isZero();
        if (deduplicated) {
            options.messageId(invocation.deduplicationKey());
        }
        try {
            PublishAck ack = client.jetStream().publish(subject, data, options.build());
            return new PublishReceipt(ack.isDuplicate());
        } catch (IOException | IllegalStateException | JetStreamApiException e) {
            if (BrokerFailures.isNoStream(e)) {
                throw new StreamMissingException(e);
            }
            if (!deduplicated || e instanceof JetStreamApiException) {
                throw failed(invocation.queue(), "cannot queue call " + invocation.callId(), e);
            }
            return republish(invocation, subject, data, options.build(), e);
        }
    }

    /**
     * Publishes again a message whose publish was not confirmed, e.g. because the stream's leader
     * changed meanwhile: under the same message id the stream keeps it once, so the answer tells
     * whether the call is stored.
     */
    private PublishReceipt republish(Invocation invocation, String subject, byte[] data, PublishOptions options,
                                     Exception first) {
        try {
            PublishAck ack = connection.client().jetStream().publish(subject, data, options);
            return new PublishReceipt(ack.isDuplicate());
        } catch (IOException | JetStreamApiException | RuntimeException again) {
            again.addSuppressed(first);
            throw new PublishOutcomeUnknownException(invocation.callId(), "cannot tell whether call "
                    + invocation.callId() + " was queued: " + again.getMessage(), again);
        }
    }

    @Override
    public List<Delivery> fetch(QueueName queue, int max, Duration maxWait) throws InterruptedException {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        QueueLayout layout = provisioner.provision(queue);
        long deadline = System.nanoTime() + maxWait.toNanos();
        List<Delivery> deliveries = new ArrayList<>();
        try {
            while (true) {
                delayedCalls.releaseDue(layout);
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                Duration wait = left.compareTo(DELAYED_CHECK_INTERVAL) > 0 ? DELAYED_CHECK_INTERVAL : left;
                List<Message> messages = pulls.pull(connection.client().jetStream(), layout.stream(),
                        layout.durable(), max - deliveries.size(), wait, connection.requestTimeout());
                for (Message message : messages) {
                    delivery(message, layout).ifPresent(deliveries::add);
                }
                if (!deliveries.isEmpty()) {
                    return deliveries;
                }
                if (wait.equals(left)) {
                    provisioner.recheck(queue);
                    return deliveries;
                }
            }
        } catch (IOException | JetStreamApiException | IllegalStateException e) {
            throw failed(queue, "cannot fetch from queue " + queue, e);
        }
    }

    @Override
    public void useScalingMode(QueueName queue, ScalingMode mode) {
        QueueLayout layout = provisioner.provisionStreams(queue);
        if (mode == ScalingMode.FUNCTION && contents.hasConsumer(layout, layout.durable())) {
            throw new ScalingModeConflictException(mode.conflictWith(queue, ScalingMode.STATIC) + " (stream "
                    + layout.stream() + " has the static mode's consumer " + layout.durable()
                    + "; remove it, with no call in flight, to use function mode)");
        }
        controls.useScalingMode(queue, mode);
    }

    @Override
    public Set<FunctionName> functionsWithCalls(QueueName queue, Duration maxWait) throws InterruptedException {
        QueueLayout layout = provisioner.provisionStreams(queue);
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            while (true) {
                delayedCalls.releaseDue(layout);
                Set<FunctionName> pending = contents.functionsWithCalls(layout);
                functionConsumers.forgetAllBut(layout, pending);
                functionConsumers.sweep(layout, pending);
                long left = deadline - System.nanoTime();
                if (!pending.isEmpty() || left <= 0) {
                    return pending;
                }
                Thread.sleep(Math.min(FUNCTIONS_POLL.toMillis(), Math.max(1, left / 1_000_000)));
            }
        } catch (IOException | JetStreamApiException | IllegalStateException e) {
            throw failed(queue, "cannot look for calls in queue " + queue, e);
        }
    }

    @Override
    public List<Delivery> fetch(QueueName queue, FunctionName function, int max, int concurrency)
            throws InterruptedException {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        QueueLayout layout = provisioner.provisionStreams(queue);
        try {
            String durable = functionConsumers.ensure(layout, function, concurrency);
            List<Message> messages = pulls.pull(connection.client().jetStream(), layout.stream(), durable, max,
                    Duration.ZERO, connection.requestTimeout());
            List<Delivery> deliveries = new ArrayList<>();
            for (Message message : messages) {
                delivery(message, layout).ifPresent(deliveries::add);
            }
            return deliveries;
        } catch (IOException | JetStreamApiException | IllegalStateException e) {
            functionConsumers.forget(layout, function);
            throw failed(queue, "cannot fetch calls of function " + function + " from queue " + queue, e);
        }
    }

    /** The queue's pauses and start budgets, kept next to its streams. */
    QueueControls controls() {
        return controls;
    }

    @Override
    public QueueStats stats(QueueName queue) {
        try {
            return contents.stats(provisioner.layout(queue));
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot read the statistics of queue " + queue, e);
        }
    }

    @Override
    public long purge(QueueName queue) {
        try {
            return contents.purge(provisioner.layout(queue));
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot purge queue " + queue, e);
        }
    }

    @Override
    public boolean isAvailable() {
        return connection.isConnected();
    }

    @Override
    public void close() {
        connection.close();
    }

    private Optional<Delivery> delivery(Message message, QueueLayout layout) throws InterruptedException {
        Envelope envelope;
        try {
            envelope = codec.decode(message.getData());
        } catch (UnreadableMessageException e) {
            UnreadableMessages.setAside(message, e);
            return Optional.empty();
        }
        JetStreamDelivery delivery = new JetStreamDelivery(message, envelope, layout, deliveryParts);
        Instant now = time.now();
        if (envelope.isDueAt(now)) {
            return Optional.of(delivery);
        }
        // the publisher's clock is ahead of ours: delay the call, and do not count this delivery
        Envelope delayed = envelope.withPriorDeliveries(delivery.deliveryCount() - 1);
        try {
            mover.move(message, MessageMover.copyId(envelope.invocation().callId(), message),
                    layout.delayedSubject(envelope.invocation().function()), layout.delayedStream(), codec.encode(delayed));
        } catch (RuntimeException e) {
            message.nakWithDelay(Duration.between(now, envelope.dueAt()));
        }
        return Optional.empty();
    }

    private static void requireWithinMaxPayload(Invocation invocation, byte[] data, long maxPayload) {
        if (data.length > maxPayload) {
            throw new InvocationTooLargeException("call " + invocation.callId() + " takes " + data.length
                    + " bytes as a message, more than the NATS server's max_payload of " + maxPayload);
        }
    }

    private RuntimeException failed(QueueName queue, String action, Exception failure) {
        if (BrokerFailures.isNoStream(failure)) {
            // the stream was deleted or replaced; look again next time
            provisioner.forget(queue);
        }
        return BrokerFailures.translate(action, failure);
    }
}
