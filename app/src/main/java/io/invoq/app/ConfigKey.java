package io.invoq.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Every configuration key invoq reads, with its default and meaning (the README's table). */
enum ConfigKey {
    MODE("all", "gateway, worker or all; a worker serves only /healthz, /readyz and /metrics"),
    BROKER("inmemory", "inmemory or jetstream"),
    PORT("8080", "HTTP port of the gateway (and of /metrics, /healthz, /readyz)"),
    QUEUE_NAME("faas-request", "default queue; a function's com.openfaas.queue annotation picks another"),
    NATS_URL("nats://127.0.0.1:4222", "NATS server URL(s), comma-separated for a cluster"),
    NATS_STREAM("", "stream name (default OF_<queue_name>)"),
    NATS_DURABLE("", "durable consumer name (default <queue_name>-workers)"),
    NATS_STREAM_REPLICAS("1", "stream replicas (3 for an R3 cluster)"),
    NATS_MAX_ACK_PENDING("1000", "max ack pending of a consumer invoq creates: the most calls all workers of a queue "
            + "hold at once; at least 2 × max_inflight + read_ahead"),
    NATS_USER("", "NATS user name"),
    NATS_PASSWORD("", "NATS password"),
    NATS_TOKEN("", "NATS token"),
    NATS_CREDS("", "path to a NATS .creds file"),
    NATS_TLS("false", "connect with TLS (implied by tls:// URLs or a trust store)"),
    NATS_TLS_TRUSTSTORE("", "trust store (JKS/PKCS12) for the server's certificate; default: the JVM's"),
    NATS_TLS_TRUSTSTORE_PASSWORD("", "password of nats_tls_truststore"),
    NATS_TLS_KEYSTORE("", "key store with a client certificate, for mutual TLS"),
    NATS_TLS_KEYSTORE_PASSWORD("", "password of nats_tls_keystore"),
    MAX_INFLIGHT("1", "invocations run at once per worker process"),
    READ_AHEAD("0", "calls a worker fetches ahead of its free slots, so that a freed slot starts the next call at once; "
            + "for queues of short functions, as such a call waits for this worker's slots even while another worker is idle"),
    ACK_WAIT("30s", "lease on a delivery; extended while the function runs"),
    UPSTREAM_TIMEOUT("60s", "per-attempt function timeout (annotation com.invoq.timeout overrides)"),
    UPSTREAM_URL("", "invoke functions not in the registry at this URL template, e.g. http://gw:8080/function/{name}"),
    MAX_RETRY_ATTEMPTS("10", "attempts per call, the first included"),
    INITIAL_RETRY_WAIT("10s", "first retry delay"),
    MAX_RETRY_WAIT("120s", "longest retry delay"),
    RETRY_HTTP_CODES("408,429,500,502,503,504", "function statuses that are retried"),
    BACKOFF("exponential", "exponential, full or equal (jitter)"),
    SCALING_MODE("static", "static: one shared consumer per queue, FIFO"),
    DUPLICATE_WINDOW("2m", "how long a X-Call-Id is remembered for de-duplication"),
    MAX_QUEUE_LENGTH("0", "most calls a queue holds that are due or running; more are refused with 429 (0: no bound)"),
    CALL_RETENTION("24h", "how long a call's status (GET /system/calls/{id}) is kept after its last change; "
            + "the in-memory broker keeps it in the heap, about 0.5 KiB a call"),
    DEAD_LETTERS("true", "keep calls that end without success as dead letters; with false their callback, status and metrics still tell"),
    DEAD_LETTER_RETENTION("168h", "how long a call that ended without success is kept in its queue's dead letters"),
    MAX_REQUEST_BYTES("1048576", "largest accepted request body"),
    MAX_DELAY("168h", "largest X-Delay / X-Not-Before distance accepted"),
    SHUTDOWN_GRACE("30s", "on SIGTERM, how long running calls may finish before they are handed back"),
    LOG_ENCODING("console", "console or json"),
    DEBUG("false", "log each submission's headers (credentials redacted) and the start of its body"),
    FUNCTIONS_FILE("", "JSON file of functions to register at start-up"),
    CONFIG_FILE("", "properties file with any of these keys");

    private final String defaultValue;
    private final String description;

    ConfigKey(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The name in environment variables and config files, e.g. {@code max_inflight}. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The command-line flag, e.g. {@code --max-inflight}. */
    String flag() {
        return "--" + key().replace('_', '-');
    }

    String defaultValue() {
        return defaultValue;
    }

    String description() {
        return description;
    }

    static Set<String> keys() {
        return Arrays.stream(values()).map(ConfigKey::key).collect(Collectors.toUnmodifiableSet());
    }
}
