package io.invoq.adapter.jetstream;

import io.invoq.domain.FunctionName;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.QueueUnavailableException;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a queue's streams and consumers exist before they are used, creating what is
 * missing; each is brought to the configuration the first time this process uses it (see
 * {@link Reconciliation}). A submission needs only the stream it is published to, a fetch all
 * four.
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
    /** What every stream of a queue follows; the due calls' stream, of a bounded queue, its bound too. */
    private static final List<FollowedSetting<StreamConfiguration, StreamConfiguration.Builder>> EVERY_STREAM_FOLLOWS =
            List.of(FollowedSetting.STREAM_REPLICAS, FollowedSetting.DUPLICATE_WINDOW);
    private static final List<FollowedSetting<ConsumerConfiguration, ConsumerConfiguration.Builder>> STATIC_CONSUMER_FOLLOWS =
            List.of(FollowedSetting.ACK_WAIT, FollowedSetting.MAX_ACK_PENDING);

    static final Reconciliation<StreamConfiguration, StreamConfiguration.Builder> STREAMS = new Reconciliation<>(
            "stream", StreamConfiguration::getDescription, StreamConfiguration::builder,
            StreamConfiguration.Builder::build,
            "remove it once it holds no call (nats stream rm %s) and restart invoq, which creates it anew");
    private static final Reconciliation<ConsumerConfiguration, ConsumerConfiguration.Builder> CONSUMERS =
            new Reconciliation<>("consumer", ConsumerConfiguration::getDescription, ConsumerConfiguration::builder,
                    ConsumerConfiguration.Builder::build,
                    "remove it while no call is in flight (nats consumer rm %s) and restart invoq, "
                            + "which creates it anew");

    private final JetStreamConnection connection;
    private final JetStreamSettings settings;
    private final QueueSettings queueSettings;
    /** When each stream and consumer, by its name, was last seen to exist. */
    private final Map<String, Long> ensured = new ConcurrentHashMap<>();
    /** When making sure of a stream last failed, by its name. */
    private final Map<String, Long> unsure = new ConcurrentHashMap<>();
    /** The streams and consumers this process brought to its configuration. */
    private final Set<String> reconciled = ConcurrentHashMap.newKeySet();
    private final Map<QueueName, QueueLayout> layouts = new ConcurrentHashMap<>();
    private final List<FollowedSetting<StreamConfiguration, StreamConfiguration.Builder>> queueStreamFollows;

    StreamProvisioner(JetStreamConnection connection, JetStreamSettings settings, QueueSettings queueSettings) {
        this.connection = connection;
        this.settings = settings;
        this.queueSettings = queueSettings;
        // an unbounded process leaves alone the bound a gateway gave the queue
        this.queueStreamFollows = queueSettings.isBounded()
                ? List.of(FollowedSetting.STREAM_REPLICAS, FollowedSetting.DUPLICATE_WINDOW, FollowedSetting.MAX_MESSAGES)
                : EVERY_STREAM_FOLLOWS;
    }

    /** Where the queue lives, whether or not it was provisioned. */
    QueueLayout layout(QueueName queue) {
        return layouts.computeIfAbsent(queue, name -> QueueLayout.of(name, settings));
    }

    /**
     * Where the queue lives, once the stream of its due calls ({@code due}) or of its delayed calls
     * was made sure of. When the broker cannot tell now, e.g. while the cluster elects a leader, the
     * call is published all the same and the stream looked at again after {@link #RECHECK_INTERVAL}:
     * it most likely exists, and a publish without a stream fails on its own.
     */
    QueueLayout provisionStream(QueueName queue, boolean due) {
        QueueLayout layout = layout(queue);
        String stream = due ? layout.stream() : layout.delayedStream();
        Long failedAt = unsure.get(stream);
        if (failedAt != null && System.nanoTime() - failedAt < RECHECK_INTERVAL.toNanos()) {
            return layout;
        }
        try {
            if (due) {
                queueStream(layout);
            } else {
                delayedStream(layout);
            }
            unsure.remove(stream);
        } catch (IOException | JetStreamApiException | QueueUnavailableException e) {
            LOG.debug("cannot make sure of stream {} now, publishing all the same: {}", stream, e.toString());
            unsure.put(stream, System.nanoTime());
        }
        return layout;
    }

    /** Where the queue lives, once its streams and consumers exist: static mode's. */
    QueueLayout provision(QueueName queue) {
        QueueLayout layout = provisionStreams(queue);
        try {
            ensureConsumer(layout.stream(), layout.durable(), () -> consumer(layout.durable(), queueSettings.ackWait(),
                    queueSettings.maxAckPending()), STATIC_CONSUMER_FOLLOWS);
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot set up queue " + queue, e);
        }
        return layout;
    }

    /**
     * Where the queue lives, once both its streams and the delayed stream's consumer exist: function
     * mode's, whose functions' consumers are made as their calls come ({@link FunctionConsumers}), since
     * a WorkQueue stream allows no consumer whose subjects overlap another's, as the shared one would.
     */
    QueueLayout provisionStreams(QueueName queue) {
        QueueLayout layout = layout(queue);
        try {
            queueStream(layout);
            delayedStream(layout);
            ensureConsumer(layout.delayedStream(), layout.delayedDurable(), () -> consumer(layout.delayedDurable(),
                    DELAYED_ACK_WAIT, DELAYED_MAX_ACK_PENDING), List.of());
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot set up queue " + queue, e);
        }
        return layout;
    }

    /** The consumer of one function's calls in function mode: the shared one's settings, filtered on the function. */
    ConsumerConfiguration functionConsumer(QueueLayout layout, FunctionName function, int maxAckPending) {
        return ConsumerConfiguration.builder(consumer(layout.functionDurable(function), queueSettings.ackWait(),
                        maxAckPending))
                .filterSubject(layout.subject(function))
                .build();
    }

    /** Makes the next use look again, e.g. after the stream was deleted behind our back. */
    void forget(QueueName queue) {
        QueueLayout layout = layout(queue);
        for (String name : List.of(layout.stream(), layout.delayedStream(), consumerName(layout.stream(),
                layout.durable()), consumerName(layout.delayedStream(), layout.delayedDurable()))) {
            ensured.remove(name);
            unsure.remove(name);
        }
    }

    /**
     * Re-creates what went missing since the queue was provisioned, looking at most every
     * {@link #RECHECK_INTERVAL}. A pull from a deleted consumer is not answered at all, so an empty
     * fetch is the only sign of it.
     */
    void recheck(QueueName queue) {
        QueueLayout layout = layout(queue);
        Long seen = ensured.get(consumerName(layout.stream(), layout.durable()));
        if (seen == null || System.nanoTime() - seen > RECHECK_INTERVAL.toNanos()) {
            forget(queue);
            provision(queue);
        }
    }

    private void queueStream(QueueLayout layout) throws IOException, JetStreamApiException {
        ensureStream(layout.stream(), () -> stream(layout.stream(), layout.subjects(), queueSettings.maxQueued()),
                queueStreamFollows);
    }

    private void delayedStream(QueueLayout layout) throws IOException, JetStreamApiException {
        ensureStream(layout.delayedStream(),
                () -> stream(layout.delayedStream(), layout.delayedSubjects(), QueueSettings.NO_BOUND),
                EVERY_STREAM_FOLLOWS);
    }

    private StreamConfiguration stream(String name, String subjects, long maxMessages) {
        return StreamConfiguration.builder()
                .name(name)
                .description(Reconciliation.MARK)
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
                .description(Reconciliation.MARK)
                .ackPolicy(AckPolicy.Explicit)
                .deliverPolicy(DeliverPolicy.All)
                .maxDeliver(DELIVER_FOREVER)
                .ackWait(ackWait)
                .maxPullWaiting(MAX_WAITING_PULLS)
                .maxAckPending(maxAckPending)
                .build();
    }

    /** Makes sure of stream {@code name} unless this process already has; {@code desired} is built only then. */
    private void ensureStream(String name, Supplier<StreamConfiguration> desired,
                              List<FollowedSetting<StreamConfiguration, StreamConfiguration.Builder>> followed)
            throws IOException, JetStreamApiException {
        if (ensured.containsKey(name)) {
            return;
        }
        ensureStream(connection.client().management(), desired.get(), followed, reconciled.add(name));
        ensured.put(name, System.nanoTime());
    }

    /**
     * Creates the stream unless one of its name exists; an existing one is brought to {@code desired}'s
     * {@code followed} settings when {@code reconcile} is set.
     */
    static void ensureStream(JetStreamManagement management, StreamConfiguration desired,
                             List<FollowedSetting<StreamConfiguration, StreamConfiguration.Builder>> followed,
                             boolean reconcile) throws IOException, JetStreamApiException {
        StreamInfo existing;
        try {
            existing = management.getStreamInfo(desired.getName());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != BrokerFailures.STREAM_NOT_FOUND) {
                throw e;
            }
            addStream(management, desired);
            return;
        }
        if (reconcile) {
            STREAMS.reconcile(desired.getName(), existing.getConfiguration(), desired, followed,
                    changed -> management.updateStream(changed).getConfiguration());
        }
    }

    private static void addStream(JetStreamManagement management, StreamConfiguration config)
            throws IOException, JetStreamApiException {
        try {
            management.addStream(config);
            LOG.info("created stream {} for subjects {}", config.getName(), config.getSubjects());
        } catch (JetStreamApiException e) {
            // another process created it at the same time: theirs is used
            if (e.getApiErrorCode() != BrokerFailures.STREAM_NAME_IN_USE) {
                throw e;
            }
        }
    }

    /** Makes sure of consumer {@code durable} unless this process already has; {@code wanted} is built only then. */
    private void ensureConsumer(String stream, String durable, Supplier<ConsumerConfiguration> wanted,
                                List<FollowedSetting<ConsumerConfiguration, ConsumerConfiguration.Builder>> followed)
            throws IOException, JetStreamApiException {
        String name = consumerName(stream, durable);
        if (ensured.containsKey(name)) {
            return;
        }
        ConsumerConfiguration desired = wanted.get();
        JetStreamManagement management = connection.client().management();
        try {
            ConsumerConfiguration current = management.getConsumerInfo(stream, desired.getDurable())
                    .getConsumerConfiguration();
            if (reconciled.add(name)) {
                CONSUMERS.reconcile(name, current, desired, followed,
                        changed -> management.addOrUpdateConsumer(stream, changed).getConsumerConfiguration());
            }
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != BrokerFailures.CONSUMER_NOT_FOUND) {
                throw e;
            }
            management.createConsumer(stream, desired);
            reconciled.add(name);
            LOG.info("created consumer {} of stream {}", desired.getDurable(), stream);
        }
        ensured.put(name, System.nanoTime());
    }

    /** A consumer as the {@code nats} tool names it: its stream, then its own name. */
    private static String consumerName(String stream, String durable) {
        return stream + " " + durable;
    }
}
