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
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.api.StorageType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What every process of a queue shares about how its calls start, in the key-value bucket
 * {@code invoq_queues} (created on first use): under {@code <queue>.scaling_mode} the mode its
 * workers use; under {@code <queue>.pauses} what of it is paused (a line {@value #WHOLE_QUEUE} for
 * the whole queue, then one line per paused function); under {@code <queue>.rate.<function>} a
 * rate-limited function's {@link TokenBucket} ({@code <tokens> <epoch nanos>}). Every change is a
 * compare-and-set, so that concurrent changes by several processes never overwrite each other.
 */
final class KeyValueQueueControls implements QueueControls {

    private static final String WHOLE_QUEUE = "*";
    private static final int CONTENDED_RETRIES = 20;
    private static final String PAUSES_SUFFIX = ".pauses";

    private final JetStreamConnection connection;
    private final KeyValueConfiguration bucketConfiguration;
    private final TimeSource time;
    private final WatchedPauses pauses = new WatchedPauses();
    private volatile boolean watchingPauses;
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
        ScalingMode used = ScalingMode.valueOf(change(key, current -> current.isEmpty() ? mode.label() : current)
                .toUpperCase(Locale.ROOT));
        if (used != mode) {
            throw new ScalingModeConflictException(mode.conflictWith(queue, used)
                    + " (the mode is kept under " + key + " in the key-value bucket " + bucketConfiguration.getBucketName()
                    + "; delete that key, with every worker of the queue stopped, to change it)");
        }
    }

    @Override
    public Optional<ScalingMode> scalingMode(QueueName queue) {
        String mode = read(modeKey(queue)).trim();
        try {
            return mode.isEmpty() ? Optional.empty() : Optional.of(ScalingMode.valueOf(mode.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** From a watched copy of the queues' pauses once the watch has caught up, so that a worker reads them without a round trip. */
    @Override
    public Pauses pauses(QueueName queue) {
        watchPauses();
        Optional<String> watched = pauses.current(pausesKey(queue));
        return decodePauses(watched.isPresent() ? watched.get() : read(pausesKey(queue)));
    }

    private void watchPauses() {
        if (watchingPauses) {
            return;
        }
        synchronized (this) {
            if (watchingPauses) {
                return;
            }
            try {
                bucket().watch("*" + PAUSES_SUFFIX, pauses);
                watchingPauses = true;
            } catch (IOException | JetStreamApiException | RuntimeException e) {
                // read directly until the watch can be made
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void setPaused(QueueName queue, Optional<FunctionName> function, boolean paused) {
        String entry = function.map(FunctionName::value).orElse(WHOLE_QUEUE);
        change(pausesKey(queue), current -> {
            Set<String> lines = lines(current);
            if (paused) {
                lines.add(entry);
            } else {
                lines.remove(entry);
            }
            return String.join("\n", lines);
        });
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
        return queue.value() + ".scaling_mode";
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

    private String read(String key) {
        try {
            return text(bucket().get(key));
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot read " + key, e);
        }
    }

    /** Writes {@code next} of the key's current text (empty when absent) by compare-and-set; returns what was written. */
    private String change(String key, UnaryOperator<String> next) {
        try {
            KeyValue values = bucket();
            for (int attempt = 0; ; attempt++) {
                KeyValueEntry entry = values.get(key);
                String current = text(entry);
                String changed = next.apply(current);
                if (changed.equals(current) && entry != null) {
                    return changed;
                }
                try {
                    if (entry == null || entry.getOperation() != KeyValueOperation.PUT) {
                        values.create(key, changed.getBytes(StandardCharsets.UTF_8));
                    } else {
                        values.update(key, changed.getBytes(StandardCharsets.UTF_8), entry.getRevision());
                    }
                    return changed;
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

    private static String text(KeyValueEntry entry) {
        return entry == null || entry.getOperation() != KeyValueOperation.PUT || entry.getValue() == null
                ? "" : new String(entry.getValue(), StandardCharsets.UTF_8);
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

    /** The pauses of every queue as the bucket holds them, kept current by a watch. */
    private static final class WatchedPauses implements KeyValueWatcher {

        private final Map<String, String> byKey = new ConcurrentHashMap<>();
        private volatile boolean complete;

        /** The key's text, empty when absent; unknown until the watch has caught up. */
        Optional<String> current(String key) {
            return complete ? Optional.of(byKey.getOrDefault(key, "")) : Optional.empty();
        }

        @Override
        public void watch(KeyValueEntry entry) {
            if (entry.getOperation() == KeyValueOperation.PUT) {
                byKey.put(entry.getKey(), text(entry));
            } else {
                byKey.remove(entry.getKey());
            }
        }

        @Override
        public void endOfData() {
            complete = true;
        }
    }
}
