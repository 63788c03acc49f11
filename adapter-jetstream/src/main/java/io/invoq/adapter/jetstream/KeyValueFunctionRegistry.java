package io.invoq.adapter.jetstream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.ports.out.FunctionRegistry;
import io.invoq.ports.out.QueueUnavailableException;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.StorageType;
import io.nats.client.support.NatsKeyValueUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Function definitions in a JetStream key-value bucket, one JSON entry per function, shared by
 * every process connected to the same NATS. The bucket is created on first use when missing.
 * Lookups are answered from a watched copy of the bucket; a function missing from the copy is
 * read from NATS, so one registered a moment ago by another process is never reported unknown,
 * while a removal or change reaches other processes as fast as the watch delivers it.
 * A listing is answered from the copy once it holds the bucket's last revision, which one stream
 * info tells, and is read from the bucket otherwise; either way it shows every change made before it.
 * When NATS cannot be reached, every method throws {@link QueueUnavailableException}.
 */
final class KeyValueFunctionRegistry implements FunctionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(KeyValueFunctionRegistry.class);

    private final JetStreamConnection connection;
    private final KeyValueConfiguration bucketConfiguration;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final WatchedFunctions watched = new WatchedFunctions(this::current);
    private volatile KeyValue bucket;

    KeyValueFunctionRegistry(JetStreamConnection connection, JetStreamSettings settings) {
        this.connection = connection;
        this.bucketConfiguration = KeyValueConfiguration.builder()
                .name(settings.functionsBucket())
                .description(Reconciliation.MARK)
                .storageType(StorageType.File)
                .replicas(settings.replicas())
                .maxHistoryPerKey(1)
                .build();
    }

    @Override
    public Optional<FunctionDefinition> find(FunctionName name) {
        try {
            KeyValue functions = bucket();
            String key = NameTokens.encode(name);
            Optional<FunctionDefinition> cached = watched.isComplete() ? watched.get(key) : Optional.empty();
            return cached.isPresent() ? cached : current(functions.get(key));
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot read function " + name, e);
        }
    }

    @Override
    public List<FunctionDefinition> list() {
        try {
            KeyValue functions = bucket();
            Optional<List<FunctionDefinition>> copy = watched.allUpTo(lastRevision());
            List<FunctionDefinition> all = new ArrayList<>(copy.isPresent() ? copy.get() : readAll(functions));
            all.sort(Comparator.comparing(function -> function.name().value()));
            return all;
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot list functions", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueUnavailableException("interrupted while listing functions", e);
        }
    }

    @Override
    public boolean save(FunctionDefinition function) {
        String key = NameTokens.encode(function.name());
        byte[] data = encode(function);
        try {
            KeyValue functions = bucket();
            try {
                watched.saved(key, functions.create(key, data), function);
                return true;
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != BrokerFailures.WRONG_LAST_SEQUENCE) {
                    throw e;
                }
                watched.saved(key, functions.put(key, data), function);
                return false;
            }
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot save function " + function.name(), e);
        }
    }

    @Override
    public boolean remove(FunctionName name) {
        String key = NameTokens.encode(name);
        try {
            KeyValue functions = bucket();
            while (true) {
                KeyValueEntry entry = functions.get(key);
                if (entry == null || entry.getOperation() != KeyValueOperation.PUT) {
                    return false;
                }
                try {
                    functions.delete(key, entry.getRevision());
                    watched.removed(key, entry.getRevision());
                    return true;
                } catch (JetStreamApiException e) {
                    // changed since we read it: read it again
                    if (e.getApiErrorCode() != BrokerFailures.WRONG_LAST_SEQUENCE) {
                        throw e;
                    }
                }
            }
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot remove function " + name, e);
        }
    }

    private List<FunctionDefinition> readAll(KeyValue functions)
            throws IOException, JetStreamApiException, InterruptedException {
        List<FunctionDefinition> all = new ArrayList<>();
        for (String key : functions.keys()) {
            current(functions.get(key)).ifPresent(all::add);
        }
        return all;
    }

    /** The bucket's last revision: one stream info, where reading it whole takes a consumer and a read per key. */
    private long lastRevision() throws IOException, JetStreamApiException {
        return connection.client().management().getStreamInfo(NatsKeyValueUtil.toStreamName(
                bucketConfiguration.getBucketName())).getStreamState().getLastSequence();
    }

    private KeyValue bucket() throws IOException, JetStreamApiException {
        KeyValue known = bucket;
        return known != null ? known : openBucket();
    }

    private synchronized KeyValue openBucket() throws IOException, JetStreamApiException {
        KeyValue known = bucket;
        if (known != null) {
            return known;
        }
        KeyValueBuckets.ensure(connection, bucketConfiguration, "functions",
                List.of(FollowedSetting.BUCKET_REPLICAS));
        JetStreamConnection.Client client = connection.client();
        known = client.nats().keyValue(bucketConfiguration.getBucketName(), client.keyValueOptions());
        watch(known);
        bucket = known;
        return known;
    }

    private void watch(KeyValue functions) throws IOException, JetStreamApiException {
        try {
            functions.watchAll(watched);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueUnavailableException("interrupted while watching functions", e);
        }
    }

    private Optional<FunctionDefinition> current(KeyValueEntry entry) {
        if (entry == null || entry.getOperation() != KeyValueOperation.PUT) {
            return Optional.empty();
        }
        try {
            StoredFunction stored = json.readValue(entry.getValue(), StoredFunction.class);
            return Optional.of(new FunctionDefinition(new FunctionName(stored.name()), URI.create(stored.url()),
                    stored.annotations() == null ? Map.of() : stored.annotations(),
                    stored.labels() == null ? Map.of() : stored.labels(), Optional.ofNullable(stored.image())));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable entry {} of bucket {}: {}", entry.getKey(), entry.getBucket(), e.toString());
            return Optional.empty();
        }
    }

    private byte[] encode(FunctionDefinition function) {
        try {
            return json.writeValueAsBytes(new StoredFunction(function.name().value(), function.url().toString(),
                    function.annotations(), function.labels(), function.image().orElse(null)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode function " + function.name(), e);
        }
    }

    /** A function as stored in the bucket; an older invoq ignores the labels and image. */
    private record StoredFunction(String name, String url, Map<String, String> annotations, Map<String, String> labels,
                                  String image) {
    }
}
