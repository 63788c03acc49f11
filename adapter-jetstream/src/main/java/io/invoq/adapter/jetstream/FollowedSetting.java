package io.invoq.adapter.jetstream;

import io.invoq.domain.DurationText;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A setting of a stream, consumer or key-value bucket that follows one of invoq's configuration
 * keys.
 *
 * @param <C>  the object's configuration
 * @param <B>  a builder of it
 * @param key  the configuration key it follows, named in the log
 * @param name what NATS calls the setting
 * @param read the setting's value in a configuration
 * @param copy sets the setting on a builder from a configuration
 */
record FollowedSetting<C, B>(String key, String name, Function<C, Object> read, BiConsumer<B, C> copy) {

    static final FollowedSetting<StreamConfiguration, StreamConfiguration.Builder> STREAM_REPLICAS =
            new FollowedSetting<>("nats_stream_replicas", "replicas", StreamConfiguration::getReplicas,
                    (builder, desired) -> builder.replicas(desired.getReplicas()));
    static final FollowedSetting<StreamConfiguration, StreamConfiguration.Builder> DUPLICATE_WINDOW =
            new FollowedSetting<>("duplicate_window", "duplicate window", StreamConfiguration::getDuplicateWindow,
                    (builder, desired) -> builder.duplicateWindow(desired.getDuplicateWindow()));
    /** Discarding new messages comes with a bound: a full queue must refuse calls, never drop accepted ones. */
    static final FollowedSetting<StreamConfiguration, StreamConfiguration.Builder> MAX_MESSAGES =
            new FollowedSetting<>("max_queue_length", "max messages", StreamConfiguration::getMaxMsgs,
                    (builder, desired) -> builder.maxMessages(desired.getMaxMsgs())
                            .discardPolicy(desired.getDiscardPolicy()));
    /** The duplicate window comes with the max age, which it may not exceed. */
    static final FollowedSetting<StreamConfiguration, StreamConfiguration.Builder> DEAD_LETTER_AGE =
            new FollowedSetting<>("dead_letter_retention", "max age", StreamConfiguration::getMaxAge,
                    (builder, desired) -> builder.maxAge(desired.getMaxAge())
                            .duplicateWindow(desired.getDuplicateWindow()));
    static final FollowedSetting<ConsumerConfiguration, ConsumerConfiguration.Builder> ACK_WAIT =
            new FollowedSetting<>("ack_wait", "ack wait", ConsumerConfiguration::getAckWait,
                    (builder, desired) -> builder.ackWait(desired.getAckWait()));
    static final FollowedSetting<ConsumerConfiguration, ConsumerConfiguration.Builder> MAX_ACK_PENDING =
            new FollowedSetting<>("nats_max_ack_pending", "max ack pending", ConsumerConfiguration::getMaxAckPending,
                    (builder, desired) -> builder.maxAckPending(desired.getMaxAckPending()));
    static final FollowedSetting<KeyValueConfiguration, KeyValueConfiguration.Builder> BUCKET_REPLICAS =
            new FollowedSetting<>("nats_stream_replicas", "replicas", KeyValueConfiguration::getReplicas,
                    (builder, desired) -> builder.replicas(desired.getReplicas()));
    static final FollowedSetting<KeyValueConfiguration, KeyValueConfiguration.Builder> CALL_AGE =
            new FollowedSetting<>("call_retention", "max age", KeyValueConfiguration::getTtl,
                    (builder, desired) -> builder.ttl(desired.getTtl()));

    boolean differs(C current, C desired) {
        return !Objects.equals(read.apply(current), read.apply(desired));
    }

    String valueIn(C configuration) {
        Object value = read.apply(configuration);
        return value instanceof Duration duration ? DurationText.format(duration) : String.valueOf(value);
    }
}
