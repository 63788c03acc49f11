package io.invoq.app;

import io.invoq.adapter.http.AuthSettings;
import io.invoq.adapter.http.AuthSettings.BasicAuth;
import io.invoq.adapter.http.OutboundSettings;
import io.invoq.adapter.http.SecuritySettings;
import io.invoq.adapter.http.TlsSettings;
import io.invoq.adapter.jetstream.JetStreamSettings;
import io.invoq.application.FlowSettings;
import io.invoq.application.WorkerSettings;
import io.invoq.domain.FunctionNamespace;
import io.invoq.domain.LeaseRule;
import io.invoq.domain.Redaction;
import io.invoq.domain.RetryPolicy;
import io.invoq.ports.out.CallLedgerSettings;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.QueueSettings;
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
        FlowSettings flow,
        Optional<String> upstreamUrl,
        FunctionNamespace functionNamespace,
        JetStreamSettings nats,
        Duration shutdownGrace,
        LogEncoding logEncoding,
        boolean debug,
        Optional<Path> functionsFile,
        SecuritySettings security) {

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

    static InvoqConfig load(String[] args, Map<String, String> environment) {
        ConfigReader read = new ConfigReader(ConfigSource.of(args, environment));
        ConfigKey.all().forEach(read::get);
        Duration initialWait = read.get(ConfigKey.INITIAL_RETRY_WAIT);
        if (read.get(ConfigKey.MAX_RETRY_WAIT).compareTo(initialWait) < 0) {
            throw read.invalid(ConfigKey.MAX_RETRY_WAIT, "must not be shorter than initial_retry_wait");
        }
        if (read.get(ConfigKey.NATS_MAX_RECONNECT_WAIT).compareTo(read.get(ConfigKey.NATS_RECONNECT_WAIT)) < 0) {
            throw read.invalid(ConfigKey.NATS_MAX_RECONNECT_WAIT, "must not be shorter than nats_reconnect_wait");
        }
        RetryPolicy retries = new RetryPolicy(read.get(ConfigKey.MAX_RETRY_ATTEMPTS), initialWait,
                read.get(ConfigKey.MAX_RETRY_WAIT), read.get(ConfigKey.RETRY_HTTP_CODES), read.get(ConfigKey.BACKOFF));
        Duration ackWait = read.get(ConfigKey.ACK_WAIT);
        WorkerSettings worker = new WorkerSettings(read.get(ConfigKey.QUEUE_NAME), read.get(ConfigKey.MAX_INFLIGHT),
                WorkerSettings.DEFAULT_FETCH_WAIT, read.get(ConfigKey.UPSTREAM_TIMEOUT), retries, new LeaseRule(ackWait),
                WorkerSettings.DEFAULT_CALLBACK_POLICY, read.get(ConfigKey.DEAD_LETTERS), read.get(ConfigKey.READ_AHEAD));
        // a queue's consumer is shared by its gateways and workers, whichever creates it
        int maxAckPending = Math.max(worker.maxHeld(), read.get(ConfigKey.NATS_MAX_ACK_PENDING));
        return new InvoqConfig(
                read.get(ConfigKey.MODE),
                read.get(ConfigKey.BROKER),
                read.get(ConfigKey.PORT),
                read.get(ConfigKey.MAX_REQUEST_BYTES),
                read.get(ConfigKey.MAX_DELAY),
                new QueueSettings(ackWait, maxAckPending, read.get(ConfigKey.DUPLICATE_WINDOW),
                        read.get(ConfigKey.MAX_QUEUE_LENGTH)),
                new CallLedgerSettings(read.get(ConfigKey.CALL_RETENTION)),
                new DeadLetterSettings(read.get(ConfigKey.DEAD_LETTER_RETENTION)),
                worker,
                new FlowSettings(read.get(ConfigKey.SCALING_MODE), read.get(ConfigKey.MAX_CONCURRENCY),
                        read.get(ConfigKey.ADAPTIVE_CONCURRENCY)),
                read.get(ConfigKey.UPSTREAM_URL),
                read.get(ConfigKey.FUNCTION_NAMESPACE),
                nats(read),
                read.get(ConfigKey.SHUTDOWN_GRACE),
                read.get(ConfigKey.LOG_ENCODING),
                read.get(ConfigKey.DEBUG),
                read.get(ConfigKey.FUNCTIONS_FILE),
                security(read));
    }

    private static SecuritySettings security(ConfigReader read) {
        return new SecuritySettings(
                new SecuritySettings.Limits(read.get(ConfigKey.MAX_HOPS), read.get(ConfigKey.MAX_CONNECTIONS),
                        read.get(ConfigKey.MAX_PROXY_INFLIGHT)),
                new OutboundSettings(read.get(ConfigKey.OUTBOUND_PROFILE), read.get(ConfigKey.FUNCTION_URL_ALLOW),
                        read.get(ConfigKey.CALLBACK_ALLOW)),
                auth(read),
                read.get(ConfigKey.CALLBACK_SIGNING_SECRET),
                tls(read));
    }

    private static TlsSettings tls(ConfigReader read) {
        Optional<Path> keyStore = read.get(ConfigKey.TLS_KEYSTORE);
        if (keyStore.isEmpty()) {
            return TlsSettings.OFF;
        }
        try {
            return TlsSettings.of(keyStore.get(), read.get(ConfigKey.TLS_KEYSTORE_PASSWORD).orElse(""));
        } catch (IllegalArgumentException e) {
            throw read.invalid(ConfigKey.TLS_KEYSTORE, e.getMessage());
        }
    }

    private static AuthSettings auth(ConfigReader read) {
        Optional<BasicAuth> basic = Optional.empty();
        if (read.get(ConfigKey.BASIC_AUTH)) {
            try {
                basic = Optional.of(BasicAuth.readFrom(read.get(ConfigKey.SECRET_MOUNT_PATH)));
            } catch (IllegalArgumentException e) {
                throw read.invalid(ConfigKey.SECRET_MOUNT_PATH, "cannot be used for basic_auth: " + e.getMessage());
            }
        }
        try {
            return new AuthSettings(basic, read.get(ConfigKey.AUTH_TOKENS_FILE), read.get(ConfigKey.AUTH_SUBMIT),
                    read.get(ConfigKey.METRICS_AUTH));
        } catch (IllegalArgumentException e) {
            throw read.invalid(read.get(ConfigKey.AUTH_SUBMIT) ? ConfigKey.AUTH_SUBMIT : ConfigKey.METRICS_AUTH,
                    e.getMessage());
        }
    }

    private static JetStreamSettings nats(ConfigReader read) {
        JetStreamSettings.Builder builder = JetStreamSettings.builder()
                .urls(read.get(ConfigKey.NATS_URL))
                .streamName(read.get(ConfigKey.NATS_STREAM))
                .durableName(read.get(ConfigKey.NATS_DURABLE))
                .replicas(read.get(ConfigKey.NATS_STREAM_REPLICAS))
                .tls(read.get(ConfigKey.NATS_TLS))
                .connectionTimeout(read.get(ConfigKey.NATS_CONNECTION_TIMEOUT))
                .requestTimeout(read.get(ConfigKey.NATS_REQUEST_TIMEOUT))
                .reconnectWait(read.get(ConfigKey.NATS_RECONNECT_WAIT), read.get(ConfigKey.NATS_MAX_RECONNECT_WAIT))
                .pings(read.get(ConfigKey.NATS_PING_INTERVAL), read.get(ConfigKey.NATS_MAX_PINGS_OUT))
                .consumerInactiveThreshold(read.get(ConfigKey.CONSUMER_INACTIVE_THRESHOLD));
        Optional<String> password = read.get(ConfigKey.NATS_PASSWORD);
        read.get(ConfigKey.NATS_USER).ifPresent(user -> builder.userAndPassword(user, password.orElse("")));
        read.get(ConfigKey.NATS_TOKEN).ifPresent(builder::token);
        read.get(ConfigKey.NATS_CREDS).ifPresent(builder::credentialsFile);
        read.get(ConfigKey.NATS_TLS_TRUSTSTORE).ifPresent(file ->
                builder.truststore(file, read.get(ConfigKey.NATS_TLS_TRUSTSTORE_PASSWORD).orElse(null)));
        read.get(ConfigKey.NATS_TLS_KEYSTORE).ifPresent(file ->
                builder.keystore(file, read.get(ConfigKey.NATS_TLS_KEYSTORE_PASSWORD).orElse(null)));
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("invalid NATS configuration: " + Redaction.text(e.getMessage()));
        }
    }
}
