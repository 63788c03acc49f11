package io.invoq.adapter.jetstream;

import io.invoq.domain.QueueName;
import io.invoq.domain.Redaction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach NATS JetStream and how to name what invoq keeps there.
 *
 * <p>{@code streamName} and {@code durableName} are templates: {@value #QUEUE_PLACEHOLDER} is
 * replaced by the queue's name. A name without the placeholder is used as it is, which only makes
 * sense for a deployment that uses a single queue.
 *
 * @param urls              the servers of one cluster, tried in turn
 * @param replicas          copies of every stream and bucket created by invoq (1, 3 or 5)
 * @param requestTimeout    how long a publish, an acknowledgement or a management request may
 *                          take before the broker counts as unavailable
 * @param reconnectWait     the first pause between connection attempts; it doubles on every
 *                          failed attempt up to {@code maxReconnectWait}; attempts never stop
 * @param pingInterval      how often the connection pings the server; a server that leaves
 *                          {@code maxPingsOut} pings in a row unanswered is given up for another
 *                          one, so a stalled server is noticed within about their product
 * @param truststore        when set, or when {@code tls} is true, the connection requires TLS;
 *                          without a truststore the JVM's default trust is used
 * @param keystore          a client certificate for mutual TLS
 * @param queuesBucket      the key-value bucket of each queue's scaling mode, pauses and start budgets
 * @param consumerInactiveThreshold in function mode, how long a function's consumer outlives its
 *                          last pending call before it is removed
 */
public record JetStreamSettings(
        List<String> urls,
        String streamName,
        String durableName,
        int replicas,
        String functionsBucket,
        String callsBucket,
        Optional<String> user,
        Optional<String> password,
        Optional<String> token,
        Optional<Path> credentialsFile,
        boolean tls,
        Optional<Path> truststore,
        Optional<String> truststorePassword,
        Optional<Path> keystore,
        Optional<String> keystorePassword,
        Duration connectionTimeout,
        Duration requestTimeout,
        Duration reconnectWait,
        Duration maxReconnectWait,
        Duration pingInterval,
        int maxPingsOut,
        String queuesBucket,
        Duration consumerInactiveThreshold) {

    public static final String QUEUE_PLACEHOLDER = "{queue}";
    public static final String DEFAULT_URL = "nats://127.0.0.1:4222";
    public static final String DEFAULT_STREAM_NAME = "OF_" + QUEUE_PLACEHOLDER;
    public static final String DEFAULT_DURABLE_NAME = QUEUE_PLACEHOLDER + "-workers";
    public static final int DEFAULT_REPLICAS = 1;
    public static final String DEFAULT_FUNCTIONS_BUCKET = "invoq_functions";
    public static final String DEFAULT_CALLS_BUCKET = "invoq_calls";
    public static final String DEFAULT_QUEUES_BUCKET = "invoq_queues";
    public static final Duration DEFAULT_CONSUMER_INACTIVE_THRESHOLD = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_RECONNECT_WAIT = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_RECONNECT_WAIT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_PINGS_OUT = 2;
    // declared before DEFAULT, whose construction uses them
    private static final String MASK = "****";
    private static final Pattern VALID_NAME = Pattern.compile("[^\\s.*>]+");
    public static final String NAME_RULE = "may not be empty nor contain spaces, '.', '*' or '>'";

    public static final JetStreamSettings DEFAULT = builder().build();

    public JetStreamSettings {
        urls = List.copyOf(urls);
        requireName(streamName, "stream name");
        requireName(durableName, "durable name");
        requireName(functionsBucket, "functions bucket");
        requireName(callsBucket, "calls bucket");
        requireName(queuesBucket, "queues bucket");
        requirePositive(consumerInactiveThreshold, "consumer inactive threshold");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(credentialsFile, "credentialsFile");
        Objects.requireNonNull(truststore, "truststore");
        Objects.requireNonNull(truststorePassword, "truststorePassword");
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(keystorePassword, "keystorePassword");
        requirePositive(connectionTimeout, "connection timeout");
        requirePositive(requestTimeout, "request timeout");
        requirePositive(reconnectWait, "reconnect wait");
        requirePositive(maxReconnectWait, "max reconnect wait");
        requirePositive(pingInterval, "ping interval");
        if (maxPingsOut < 1) {
            throw new IllegalArgumentException("max pings out must be at least 1");
        }
        if (urls.isEmpty() || urls.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("nats urls must name at least one server and no blank ones");
        }
        if (replicas < 1 || replicas > 5) {
            throw new IllegalArgumentException("nats stream replicas must be between 1 and 5");
        }
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("nats user and password must be given together");
        }
        if (maxReconnectWait.compareTo(reconnectWait) < 0) {
            throw new IllegalArgumentException("max reconnect wait must not be shorter than reconnect wait");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The stream that holds the queue's invocations. */
    public String streamName(QueueName queue) {
        return streamName.replace(QUEUE_PLACEHOLDER, queue.value());
    }

    /** The durable consumer the queue's workers share. */
    public String durableName(QueueName queue) {
        return durableName.replace(QUEUE_PLACEHOLDER, queue.value());
    }

    /** Whether the connection must use TLS, beyond what {@code tls://} URLs ask for. */
    public boolean requiresTls() {
        return tls || truststore.isPresent() || keystore.isPresent();
    }

    @Override
    public String toString() {
        return "JetStreamSettings[urls=" + Redaction.text(urls.toString()) + ", streamName=" + streamName
                + ", durableName=" + durableName + ", replicas=" + replicas + ", functionsBucket=" + functionsBucket
                + ", callsBucket=" + callsBucket + ", user=" + user.orElse("")
                + ", password=" + password.map(p -> MASK).orElse("")
                + ", token=" + token.map(t -> MASK).orElse("") + ", credentialsFile=" + credentialsFile.orElse(null)
                + ", tls=" + requiresTls() + ", truststore=" + truststore.orElse(null)
                + ", keystore=" + keystore.orElse(null) + ", connectionTimeout=" + connectionTimeout
                + ", requestTimeout=" + requestTimeout + ", reconnectWait=" + reconnectWait
                + ", maxReconnectWait=" + maxReconnectWait + ", pingInterval=" + pingInterval
                + ", maxPingsOut=" + maxPingsOut + ", queuesBucket=" + queuesBucket
                + ", consumerInactiveThreshold=" + consumerInactiveThreshold + "]";
    }

    /** {@code name}, if NATS accepts it as the name of a stream, consumer or bucket. */
    public static String requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name + "' " + NAME_RULE);
        }
        return name;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Starts from the defaults; every setter replaces one value. */
    public static final class Builder {

        private List<String> urls = List.of(DEFAULT_URL);
        private String streamName = DEFAULT_STREAM_NAME;
        private String durableName = DEFAULT_DURABLE_NAME;
        private int replicas = DEFAULT_REPLICAS;
        private String functionsBucket = DEFAULT_FUNCTIONS_BUCKET;
        private String callsBucket = DEFAULT_CALLS_BUCKET;
        private Optional<String> user = Optional.empty();
        private Optional<String> password = Optional.empty();
        private Optional<String> token = Optional.empty();
        private Optional<Path> credentialsFile = Optional.empty();
        private boolean tls;
        private Optional<Path> truststore = Optional.empty();
        private Optional<String> truststorePassword = Optional.empty();
        private Optional<Path> keystore = Optional.empty();
        private Optional<String> keystorePassword = Optional.empty();
        private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration reconnectWait = DEFAULT_RECONNECT_WAIT;
        private Duration maxReconnectWait = DEFAULT_MAX_RECONNECT_WAIT;
        private Duration pingInterval = DEFAULT_PING_INTERVAL;
        private int maxPingsOut = DEFAULT_MAX_PINGS_OUT;
        private String queuesBucket = DEFAULT_QUEUES_BUCKET;
        private Duration consumerInactiveThreshold = DEFAULT_CONSUMER_INACTIVE_THRESHOLD;

        private Builder() {
        }

        /** A comma-separated list of server URLs, as in {@code nats_url}. */
        public Builder urls(String commaSeparated) {
            this.urls = Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
            return this;
        }

        public Builder streamName(String template) {
            this.streamName = template;
            return this;
        }

        public Builder durableName(String template) {
            this.durableName = template;
            return this;
        }

        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        public Builder functionsBucket(String bucket) {
            this.functionsBucket = bucket;
            return this;
        }

        public Builder callsBucket(String bucket) {
            this.callsBucket = bucket;
            return this;
        }

        public Builder userAndPassword(String user, String password) {
            this.user = Optional.of(user);
            this.password = Optional.of(password);
            return this;
        }

        public Builder token(String token) {
            this.token = Optional.of(token);
            return this;
        }

        public Builder credentialsFile(Path file) {
            this.credentialsFile = Optional.of(file);
            return this;
        }

        public Builder tls(boolean required) {
            this.tls = required;
            return this;
        }

        public Builder truststore(Path file, String password) {
            this.truststore = Optional.of(file);
            this.truststorePassword = Optional.ofNullable(password);
            return this;
        }

        public Builder keystore(Path file, String password) {
            this.keystore = Optional.of(file);
            this.keystorePassword = Optional.ofNullable(password);
            return this;
        }

        public Builder connectionTimeout(Duration timeout) {
            this.connectionTimeout = timeout;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public Builder reconnectWait(Duration first, Duration max) {
            this.reconnectWait = first;
            this.maxReconnectWait = max;
            return this;
        }

        public Builder pings(Duration interval, int maxOut) {
            this.pingInterval = interval;
            this.maxPingsOut = maxOut;
            return this;
        }

        public Builder queuesBucket(String bucket) {
            this.queuesBucket = bucket;
            return this;
        }

        public Builder consumerInactiveThreshold(Duration threshold) {
            this.consumerInactiveThreshold = threshold;
            return this;
        }

        public JetStreamSettings build() {
            return new JetStreamSettings(urls, streamName, durableName, replicas, functionsBucket, callsBucket, user,
                    password, token, credentialsFile, tls, truststore, truststorePassword, keystore, keystorePassword,
                    connectionTimeout, requestTimeout, reconnectWait, maxReconnectWait, pingInterval, maxPingsOut,
                    queuesBucket, consumerInactiveThreshold);
        }
    }
}
