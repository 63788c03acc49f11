package io.invoq.adapter.jetstream;

import io.invoq.domain.QueueName;
import io.invoq.ports.out.QueueSettings;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a queue's streams and consumers exist before it is first used, creating what is
 * missing. A stream or consumer that already exists, e.g. one an operator made, is used as it is.
 */
final class StreamProvisioner {

    private static final int MAX_WAITING_PULLS = 512;
    /** Delayed calls are held by the broker, not by workers, so they need no in-flight limit. */
    static final int DELAYED_MAX_ACK_PENDING = 1_000_000;
    /** A delayed call is held by a fetch only while it is moved to the queue's stream. */
    static final Duration DELAYED_ACK_WAIT = Duration.ofSeconds(30);
    /** How often {@link #recheck} looks at the broker again. */
    private static final Duration RECHECK_INTERVAL = Duration.ofSeconds(5);
    private static final long DELIVER_FOREVER = -1;
    private static final long UNLIMITED = -1;
    private static final Logger LOG = LoggerFactory.getLogger(StreamProvisioner.class);

    private final JetStreamConnection connection;
    private final JetStreamSettings settings;
    private final QueueSettings queueSettings;
    private final Map<QueueName, Provisioned> provisioned = new ConcurrentHashMap<>();

    StreamProvisioner(JetStreamConnection connection, JetStreamSettings settings, QueueSettings queueSettings) {
        this.connection = connection;
        this.settings = settings;
        this.queueSettings = queueSettings;
    }

    /** Where the queue lives, whether or not it was provisioned. */
    QueueLayout layout(QueueName queue) {
        return QueueLayout.of(queue, settings);
    }

    /** Where the queue lives, once its streams and consumers exist. */
    QueueLayout provision(QueueName queue) {
        Provisioned known = provisioned.get(queue);
        if (known != null) {
            return known.layout();
        }
        QueueLayout layout = layout(queue);
        JetStreamManagement management = connection.client().management();
        try {
            ensureStream(management, stream(layout.stream(), layout.subjects(), queueSettings.maxQueued()));
            if (queueSettings.isBounded()) {
                bound(management, layout.stream(), queueSettings.maxQueued());
            }
            ensureConsumer(management, layout.stream(),
                    consumer(layout.durable(), queueSettings.ackWait(), queueSettings.maxAckPending()));
            ensureStream(management, stream(layout.delayedStream(), layout.delayedSubjects(), QueueSettings.NO_BOUND));
            ensureConsumer(management, layout.delayedStream(),
                    consumer(layout.delayedDurable(), DELAYED_ACK_WAIT, DELAYED_MAX_ACK_PENDING));
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot set up queue " + queue, e);
        }
        provisioned.put(queue, new Provisioned(layout, System.nanoTime()));
        return layout;
    }

    /** Makes the next use look again, e.g. after the stream was deleted behind our back. */
    void forget(QueueName queue) {
        provisioned.remove(queue);
    }

    /**
     * Re-creates what went missing since the queue was provisioned, looking at most every
     * {@link #RECHECK_INTERVAL}. A pull from a deleted consumer is not answered at all, so an empty
     * fetch is the only sign of it.
     */
    void recheck(QueueName queue) {
        Provisioned known = provisioned.get(queue);
        if (known == null || System.nanoTime() - known.at() > RECHECK_INTERVAL.toNanos()) {
            forget(queue);
            provision(queue);
        }
    }

    private record Provisioned(QueueLayout layout, long at) {
    }

    private StreamConfiguration stream(String name, String subjects, long maxMessages) {
        return StreamConfiguration.builder()
                .name(name)
                .subjects(subjects)
                .retentionPolicy(RetentionPolicy.WorkQueue)
                .storageType(StorageType.File)
                .replicas(settings.replicas())
                .duplicateWindow(queueSettings.duplicateWindow())
                .maxMessages(maxMessages == QueueSettings.NO_BOUND ? UNLIMITED : maxMessages)
                // a full queue must refuse new calls, never drop accepted ones
                .discardPolicy(DiscardPolicy.New)
                .build();
    }

    private static ConsumerConfiguration consumer(String durable, Duration ackWait, int maxAckPending) {
        return ConsumerConfiguration.builder()
                .durable(durable)
                .ackPolicy(AckPolicy.Explicit)
                .deliverPolicy(DeliverPolicy.All)
                .maxDeliver(DELIVER_FOREVER)
                .ackWait(ackWait)
                .maxPullWaiting(MAX_WAITING_PULLS)
                .maxAckPending(maxAckPending)
                .build();
    }

    /**
     * Gives an existing stream the bound this process was configured with, e.g. one a worker without
     * it created first. Discarding new messages comes with it: a full queue must refuse calls, never
     * drop accepted ones.
     */
    private static void bound(JetStreamManagement management, String stream, long maxMessages)
            throws IOException, JetStreamApiException {
        StreamConfiguration current = management.getStreamInfo(stream).getConfiguration();
        if (current.getMaxMsgs() != maxMessages || current.getDiscardPolicy() != DiscardPolicy.New) {
            management.updateStream(StreamConfiguration.builder(current)
                    .maxMessages(maxMessages)
                    .discardPolicy(DiscardPolicy.New)
                    .build());
            LOG.info("stream {} now holds at most {} messages (max_queue_length) and refuses more", stream, maxMessages);
        }
    }

    /** Creates the stream unless one of its name exists; an existing one is used as it is. */
    static void ensureStream(JetStreamManagement management, StreamConfiguration config)
            throws IOException, JetStreamApiException {
        try {
            management.getStreamInfo(config.getName());
            LOG.debug("using existing stream {} as it is", config.getName());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != BrokerFailures.STREAM_NOT_FOUND) {
                throw e;
            }
            addStream(management, config);
        }
    }

    private static void addStream(JetStreamManagement management, StreamConfiguration config)
            throws IOException, JetStreamApiException {
        try {
            management.addStream(config);
            LOG.info("created stream {} for subjects {}", config.getName(), config.getSubjects());
        } catch (JetStreamApiException e) {
            // another process created it at the same time, differently: theirs is used as it is
            if (e.getApiErrorCode() != BrokerFailures.STREAM_NAME_IN_USE) {
                throw e;
            }
        }
    }

    private static void ensureConsumer(JetStreamManagement management, String stream, ConsumerConfiguration config)
            throws IOException, JetStreamApiException {
        try {
            management.getConsumerInfo(stream, config.getDurable());
            LOG.debug("using existing consumer {} of stream {} as it is", config.getDurable(), stream);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != BrokerFailures.CONSUMER_NOT_FOUND) {
                throw e;
            }
            management.createConsumer(stream, config);
            LOG.info("created consumer {} of stream {}", config.getDurable(), stream);
        }
    }
}
