package io.invoq.adapter.jetstream;

import io.invoq.domain.EpochNanos;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Pauses;
import io.invoq.domain.QueueName;
import io.invoq.domain.Rate;
import io.invoq.domain.ScalingMode;
import io.invoq.domain.TokenBucket;
import io.invoq.ports.out.QueueControls;
import io.invoq.ports.out.ScalingModeConflictException;
import io.invoq.ports.out.TimeSource;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.StorageType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What every process of a queue shares about how its calls start, in the key-value bucket
 * {@code invoq_queues} (created on first use): under {@code <queue>.scaling_mode} the mode its
 * workers use; under {@code <queue>.pauses} what of it is paused (a line {@value #WHOLE_QUEUE} for
 * the whole queue, then one line per paused function); under {@code <queue>.rate.<function>} a
 * rate-limited function's {@link TokenBucket} ({@code <tokens> <epoch nanos>}). Every change is a
 * compare-and-set, so that concurrent changes by several processes never overwrite each other. The
 * modes and pauses are read from watched copies, which hold what this process wrote at once.
 */
final class KeyValueQueueControls implements QueueControls {

    private static final String WHOLE_QUEUE = "*";
    private static final int CONTENDED_RETRIES = 20;
    private static final String PAUSES_SUFFIX = ".pauses";
    private static final String MODE_SUFFIX = ".scaling_mode";

    private final JetStreamConnection connection;
    private final KeyValueConfiguration bucketConfiguration;
    private final TimeSource time;
    private final WatchedTexts modes = new WatchedTexts("*" + MODE_SUFFIX);
    private final WatchedTexts pauses = new WatchedTexts("*" + PAUSES_SUFFIX);
    private volatile KeyValue bucket;

    KeyValueQueueControls(JetStreamConnection connection, JetStreamSettings settings, TimeSource time) {
        this.connection = connection;
        this.time = time;
        this.bucketConfiguration = KeyValueConfiguration.builder()
                .name(settings.queuesBucket())
                .storageType(StorageType.File)
                .replicas(settings.replicas())
                .maxHistoryPerKey(1)
                .build();
    }

    /**
     * Records the queue's mode unless one is recorded, then compares.
     *
     * @throws ScalingModeConflictException when another mode is recorded
     */
    void useScalingMode(QueueName queue, ScalingMode mode) {
        String key = modeKey(queue);
        WatchedTexts.Revised recorded = change(key, current -> current.isEmpty() ? mode.label() : current);
        modes.written(key, recorded);
        ScalingMode used = ScalingMode.valueOf(recorded.text().toUpperCase(Locale.ROOT));
        if (used != mode) {
            throw new ScalingModeConflictException(mode.conflictWith(queue, used)
                    + " (the mode is kept under " + key + " in the key-value bucket " + bucketConfiguration.getBucketName()
                    + "; delete that key, with every worker of the queue stopped, to change it)");
        }
    }

    /** From a watched copy of the queues' modes once the watch has caught up, so that a queue's status needs no round trip for it. */
    @Override
    public Optional<ScalingMode> scalingMode(QueueName queue) {
        String mode = watchedOrRead(modes, modeKey(queue)).trim();
        try {
            return mode.isEmpty() ? Optional.empty() : Optional.of(ScalingMode.valueOf(mode.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** From a watched copy of the queues' pauses once the watch has caught up, so that a worker reads them without a round trip. */
    @Override
    public Pauses pauses(QueueName queue) {
        return decodePauses(watchedOrRead(pauses, pausesKey(queue)));
    }

    @Override
    public void setPaused(QueueName queue, Optional<FunctionName> function, boolean paused) {
        String entry = function.map(FunctionName::value).orElse(WHOLE_QUEUE);
        String key = pausesKey(queue);
        pauses.written(key, change(key, current -> {
            Set<String> lines = lines(current);
            if (paused) {
                lines.add(entry);
            } else {
                lines.remove(entry);
            }
            return String.join("\n", lines);
        }));
    }

    @Override
    public int takeStarts(QueueName queue, FunctionName function, Rate rate, int wanted) {
        int[] granted = new int[1];
        change(rateKey(queue, function), current -> {
            TokenBucket.Grant grant = decodeBucket(current, rate).take(rate, wanted, time.now());
            granted[0] = grant.granted();
            return encode(grant.after());
        });
        return granted[0];
    }

    @Override
    public void giveBackStarts(QueueName queue, FunctionName function, Rate rate, int unused) {
        try {
            change(rateKey(queue, function), current -> encode(decodeBucket(current, rate).giveBack(rate, unused, time.now())));
        } catch (RuntimeException e) {
            // starts not given back only slow the function down until its budget refills
        }
    }

    private static String modeKey(QueueName queue) {
        return queue.value() + MODE_SUFFIX;
    }

    private static String pausesKey(QueueName queue) {
        return queue.value() + PAUSES_SUFFIX;
    }

    private static String rateKey(QueueName queue, FunctionName function) {
        return queue.value() + ".rate." + NameTokens.encode(function);
    }

    private static Pauses decodePauses(String text) {
        Set<String> lines = lines(text);
        boolean whole = lines.remove(WHOLE_QUEUE);
        return new Pauses(whole, lines.stream().flatMap(line -> NameTokens.decode(line).stream()).collect(Collectors.toSet()));
    }

    private static Set<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::trim).filter(line -> !line.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private TokenBucket decodeBucket(String text, Rate rate) {
        String[] parts = text.trim().split(" ");
        if (parts.length != 2) {
            return TokenBucket.full(rate, time.now());
        }
        try {
            return new TokenBucket(Math.max(0, Double.parseDouble(parts[0])), EpochNanos.toInstant(Long.parseLong(parts[1])));
        } catch (IllegalArgumentException e) {
            return TokenBucket.full(rate, time.now());
        }
    }

    private static String encode(TokenBucket bucket) {
        return bucket.tokens() + " " + EpochNanos.of(bucket.at());
    }

    private String watchedOrRead(WatchedTexts copy, String key) {
        try {
            KeyValue values = bucket();
            copy.watchOn(values);
            Optional<String> watched = copy.current(key);
            return watched.isPresent() ? watched.get() : WatchedTexts.textOf(values.get(key));
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot read " + key, e);
        }
    }

    /** Writes {@code next} of the key's current text (empty when absent) by compare-and-set; returns what the key holds then. */
    private WatchedTexts.Revised change(String key, UnaryOperator<String> next) {
        try {
            KeyValue values = bucket();
            for (int attempt = 0; ; attempt++) {
                KeyValueEntry entry = values.get(key);
                String current = WatchedTexts.textOf(entry);
                String changed = next.apply(current);
                if (changed.equals(current) && entry != null) {
                    return new WatchedTexts.Revised(entry.getRevision(), changed);
                }
                try {
                    byte[] data = changed.getBytes(StandardCharsets.UTF_8);
                    long revision = entry == null || entry.getOperation() != KeyValueOperation.PUT
                            ? values.create(key, data) : values.update(key, data, entry.getRevision());
                    return new WatchedTexts.Revised(revision, changed);
                } catch (JetStreamApiException e) {
                    if (e.getApiErrorCode() != BrokerFailures.WRONG_LAST_SEQUENCE || attempt >= CONTENDED_RETRIES) {
                        throw e;
                    }
                }
            }
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot change " + key, e);
        }
    }

    private KeyValue bucket() throws IOException, JetStreamApiException {
        KeyValue known = bucket;
        if (known == null) {
            KeyValueBuckets.ensure(connection, bucketConfiguration, "queue modes, pauses and start budgets",
                    List.of(FollowedSetting.BUCKET_REPLICAS));
            JetStreamConnection.Client client = connection.client();
            known = client.nats().keyValue(bucketConfiguration.getBucketName(), client.keyValueOptions());
            bucket = known;
        }
        return known;
    }
}
