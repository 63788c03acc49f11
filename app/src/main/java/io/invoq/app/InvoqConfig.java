package io.invoq.app;

import io.invoq.application.WorkerSettings;
import io.invoq.domain.Backoff;
import io.invoq.domain.LeaseRule;
import io.invoq.domain.QueueName;
import io.invoq.domain.RetryPolicy;
import io.invoq.ports.out.CallLedgerSettings;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.QueueSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** invoq's whole configuration, validated: building one fails fast, naming the offending key. */
record InvoqConfig(
        Mode mode,
        BrokerKind broker,
        int port,
        long maxRequestBytes,
        Duration maxDelay,
        QueueSettings queue,
        CallLedgerSettings ledger,
        DeadLetterSettings deadLetters,
        WorkerSettings worker,
        Optional<String> upstreamUrl,
        NatsConfig nats,
        Duration shutdownGrace,
        LogEncoding logEncoding,
        boolean debug,
        Optional<Path> functionsFile) {

    enum Mode {
        GATEWAY, WORKER, ALL;

        boolean runsGateway() {
            return this != WORKER;
        }

        boolean runsWorker() {
            return this != GATEWAY;
        }
    }

    enum BrokerKind { INMEMORY, JETSTREAM }

    enum LogEncoding { CONSOLE, JSON }

    enum ScalingMode { STATIC }

    record NatsConfig(String urls, Optional<String> stream, Optional<String> durable, int replicas,
                      Optional<String> user, Optional<String> password, Optional<String> token,
                      Optional<Path> credentials, boolean tls, Optional<Path> truststore,
                      Optional<String> truststorePassword, Optional<Path> keystore, Optional<String> keystorePassword) {
    }

    static InvoqConfig load(String[] args, Map<String, String> environment) {
        ConfigReader read = new ConfigReader(ConfigSource.of(args, environment, ConfigKey.keys()));
        QueueName queueName = read.parse(ConfigKey.QUEUE_NAME, QueueName::new, "letters, digits, - and _");
        Duration ackWait = read.duration(ConfigKey.ACK_WAIT, Duration.ofMillis(100));
        int maxInflight = read.integer(ConfigKey.MAX_INFLIGHT, 1, 100_000);
        Duration initialWait = read.duration(ConfigKey.INITIAL_RETRY_WAIT, Duration.ZERO);
        Duration maxWait = read.duration(ConfigKey.MAX_RETRY_WAIT, Duration.ZERO);
        if (maxWait.compareTo(initialWait) < 0) {
            throw read.invalid(ConfigKey.MAX_RETRY_WAIT, "must not be shorter than initial_retry_wait");
        }
        RetryPolicy retries = new RetryPolicy(
                read.integer(ConfigKey.MAX_RETRY_ATTEMPTS, 1, 1000),
                initialWait,
                maxWait,
                read.parse(ConfigKey.RETRY_HTTP_CODES, RetryPolicy::parseCodes, "comma-separated HTTP status codes"),
                read.choice(ConfigKey.BACKOFF, Backoff.class));
        read.choice(ConfigKey.SCALING_MODE, ScalingMode.class);
        WorkerSettings worker = new WorkerSettings(queueName, maxInflight, WorkerSettings.DEFAULT_FETCH_WAIT,
                read.duration(ConfigKey.UPSTREAM_TIMEOUT, Duration.ofMillis(1)), retries, new LeaseRule(ackWait),
                WorkerSettings.DEFAULT_CALLBACK_POLICY, read.bool(ConfigKey.DEAD_LETTERS),
                read.integer(ConfigKey.READ_AHEAD, 0, 100_000));
        // a queue's consumer is shared by its gateways and workers, whichever creates it
        int heldByAllWorkers = Math.max(worker.maxHeld(), read.integer(ConfigKey.NATS_MAX_ACK_PENDING, 1, 1_000_000));
        return new InvoqConfig(
                read.choice(ConfigKey.MODE, Mode.class),
                read.choice(ConfigKey.BROKER, BrokerKind.class),
                read.integer(ConfigKey.PORT, 0, 65535),
                read.longValue(ConfigKey.MAX_REQUEST_BYTES, 1),
                read.duration(ConfigKey.MAX_DELAY, Duration.ZERO),
                new QueueSettings(ackWait, heldByAllWorkers, read.duration(ConfigKey.DUPLICATE_WINDOW, Duration.ZERO),
                        read.longValue(ConfigKey.MAX_QUEUE_LENGTH, QueueSettings.NO_BOUND)),
                new CallLedgerSettings(read.duration(ConfigKey.CALL_RETENTION, Duration.ofSeconds(1))),
                new DeadLetterSettings(read.duration(ConfigKey.DEAD_LETTER_RETENTION, Duration.ofSeconds(1))),
                worker,
                read.urlTemplate(ConfigKey.UPSTREAM_URL),
                nats(read),
                read.duration(ConfigKey.SHUTDOWN_GRACE, Duration.ZERO),
                read.choice(ConfigKey.LOG_ENCODING, LogEncoding.class),
                read.bool(ConfigKey.DEBUG),
                existingFile(read, ConfigKey.FUNCTIONS_FILE));
    }

    private static NatsConfig nats(ConfigReader read) {
        return new NatsConfig(
                read.text(ConfigKey.NATS_URL),
                read.optionalText(ConfigKey.NATS_STREAM),
                read.optionalText(ConfigKey.NATS_DURABLE),
                read.integer(ConfigKey.NATS_STREAM_REPLICAS, 1, 5),
                read.optionalText(ConfigKey.NATS_USER),
                read.optionalText(ConfigKey.NATS_PASSWORD),
                read.optionalText(ConfigKey.NATS_TOKEN),
                existingFile(read, ConfigKey.NATS_CREDS),
                read.bool(ConfigKey.NATS_TLS),
                existingFile(read, ConfigKey.NATS_TLS_TRUSTSTORE),
                read.optionalText(ConfigKey.NATS_TLS_TRUSTSTORE_PASSWORD),
                existingFile(read, ConfigKey.NATS_TLS_KEYSTORE),
                read.optionalText(ConfigKey.NATS_TLS_KEYSTORE_PASSWORD));
    }

    private static Optional<Path> existingFile(ConfigReader read, ConfigKey key) {
        return read.optionalText(key).map(Path::of).map(path -> {
            if (!Files.isReadable(path)) {
                throw read.invalid(key, "is not a readable file");
            }
            return path;
        });
    }
}
