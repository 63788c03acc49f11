package io.invoq.app;

import io.invoq.adapter.http.AuthSettings.TokenList;
import io.invoq.adapter.http.CallbackSigningSettings;
import io.invoq.adapter.http.GatewaySettings;
import io.invoq.adapter.http.OutboundSettings.AllowList;
import io.invoq.adapter.http.OutboundSettings.OutboundProfile;
import io.invoq.adapter.http.SecuritySettings;
import io.invoq.adapter.jetstream.JetStreamSettings;
import io.invoq.application.FlowSettings;
import io.invoq.application.WorkerSettings;
import io.invoq.domain.Backoff;
import io.invoq.domain.FunctionNamespace;
import io.invoq.domain.LeaseRule;
import io.invoq.domain.QueueName;
import io.invoq.domain.Redaction;
import io.invoq.domain.RetryPolicy;
import io.invoq.domain.ScalingMode;
import io.invoq.ports.out.CallLedgerSettings;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.QueueSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every configuration key invoq reads, each declared once: its name, default, type with its
 * validation, and meaning. {@code --help} and the README's table are derived from these
 * declarations; a default that a domain, port or adapter record also needs lives there and is
 * referred to here. Adding a key is one declaration, then reading it where its record is built.
 */
final class ConfigKey<T> {

    private static final List<ConfigKey<?>> ALL = new ArrayList<>();

    static final ConfigKey<InvoqConfig.Mode> MODE = key("mode", InvoqConfig.Mode.ALL,
            ValueType.choice(InvoqConfig.Mode.class),
            "gateway, worker or all; a worker serves only `/healthz`, `/readyz` and `/metrics`");
    static final ConfigKey<InvoqConfig.BrokerKind> BROKER = key("broker", InvoqConfig.BrokerKind.INMEMORY,
            ValueType.choice(InvoqConfig.BrokerKind.class), "inmemory or jetstream");
    static final ConfigKey<Integer> PORT = key("port", GatewaySettings.DEFAULT_PORT, ValueType.integer(0, 65_535),
            "HTTP port of the gateway (and of `/metrics`, `/healthz`, `/readyz`)");
    static final ConfigKey<QueueName> QUEUE_NAME = key("queue_name", QueueName.DEFAULT,
            ValueType.of("letters, digits, - and _", QueueName::new, QueueName::value),
            "default queue; a function's `com.openfaas.queue` annotation picks another");
    static final ConfigKey<String> NATS_URL = key("nats_url", JetStreamSettings.DEFAULT_URL, ValueType.natsUrls(),
            "NATS server URL(s), comma-separated for a cluster");
    static final ConfigKey<String> NATS_STREAM = key("nats_stream", JetStreamSettings.DEFAULT_STREAM_NAME,
            ValueType.natsName(), "name of a queue's stream; `{queue}` stands for the queue's name");
    static final ConfigKey<String> NATS_DURABLE = key("nats_durable", JetStreamSettings.DEFAULT_DURABLE_NAME,
            ValueType.natsName(), "name of a queue's durable consumer; `{queue}` stands for the queue's name");
    static final ConfigKey<Integer> NATS_STREAM_REPLICAS = key("nats_stream_replicas",
            JetStreamSettings.DEFAULT_REPLICAS, ValueType.integer(1, 5), "stream replicas (3 for an R3 cluster)");
    static final ConfigKey<Duration> NATS_CONNECTION_TIMEOUT = key("nats_connection_timeout",
            JetStreamSettings.DEFAULT_CONNECTION_TIMEOUT, ValueType.duration(Duration.ofMillis(10)),
            "how long connecting to one NATS server may take");
    static final ConfigKey<Duration> NATS_REQUEST_TIMEOUT = key("nats_request_timeout",
            JetStreamSettings.DEFAULT_REQUEST_TIMEOUT, ValueType.duration(Duration.ofMillis(10)),
            "how long a publish, an ack or a JetStream request may wait for its answer; a submission that waited "
                    + "this long twice answers `503` with its outcome unknown");
    static final ConfigKey<Duration> NATS_RECONNECT_WAIT = key("nats_reconnect_wait",
            JetStreamSettings.DEFAULT_RECONNECT_WAIT, ValueType.duration(Duration.ofMillis(1)),
            "pause after a round of failed connection attempts over all `nats_url` servers; doubles each round");
    static final ConfigKey<Duration> NATS_MAX_RECONNECT_WAIT = key("nats_max_reconnect_wait",
            JetStreamSettings.DEFAULT_MAX_RECONNECT_WAIT, ValueType.duration(Duration.ofMillis(1)),
            "longest pause between rounds of connection attempts; not shorter than `nats_reconnect_wait`");
    static final ConfigKey<Duration> NATS_PING_INTERVAL = key("nats_ping_interval",
            JetStreamSettings.DEFAULT_PING_INTERVAL, ValueType.duration(Duration.ofMillis(100)),
            "how often the connection pings its server");
    static final ConfigKey<Integer> NATS_MAX_PINGS_OUT = key("nats_max_pings_out",
            JetStreamSettings.DEFAULT_MAX_PINGS_OUT, ValueType.integer(1, 100),
            "pings left unanswered before the server counts as stalled and another is tried: a stalled server is "
                    + "noticed within `nats_ping_interval` × (this + 1)");
    static final ConfigKey<Integer> NATS_MAX_ACK_PENDING = key("nats_max_ack_pending",
            QueueSettings.DEFAULT_MAX_ACK_PENDING, ValueType.integer(1, 1_000_000),
            "max ack pending of a queue's consumer: the most calls all workers of a queue hold at once; "
                    + "at least 2 × `max_inflight` + `read_ahead`");
    static final ConfigKey<Optional<String>> NATS_USER = optional("nats_user", ValueType.text(), "NATS user name");
    static final ConfigKey<Optional<String>> NATS_PASSWORD = optional("nats_password", ValueType.text().secretly(),
            "NATS password");
    static final ConfigKey<Optional<String>> NATS_TOKEN = optional("nats_token", ValueType.text().secretly(), "NATS token");
    static final ConfigKey<Optional<Path>> NATS_CREDS = optional("nats_creds", ValueType.readableFile(),
            "path to a NATS .creds file");
    static final ConfigKey<Boolean> NATS_TLS = key("nats_tls", false, ValueType.bool(),
            "connect with TLS (implied by tls:// URLs or a trust store)");
    static final ConfigKey<Optional<Path>> NATS_TLS_TRUSTSTORE = optional("nats_tls_truststore",
            ValueType.readableFile(), "trust store (JKS/PKCS12) for the server's certificate; default: the JVM's");
    static final ConfigKey<Optional<String>> NATS_TLS_TRUSTSTORE_PASSWORD = optional("nats_tls_truststore_password",
            ValueType.text().secretly(), "password of `nats_tls_truststore`");
    static final ConfigKey<Optional<Path>> NATS_TLS_KEYSTORE = optional("nats_tls_keystore", ValueType.readableFile(),
            "key store with a client certificate, for mutual TLS");
    static final ConfigKey<Optional<String>> NATS_TLS_KEYSTORE_PASSWORD = optional("nats_tls_keystore_password",
            ValueType.text().secretly(), "password of `nats_tls_keystore`");
    static final ConfigKey<Integer> MAX_INFLIGHT = key("max_inflight", WorkerSettings.DEFAULT_MAX_INFLIGHT,
            ValueType.integer(1, 100_000), "invocations run at once per worker process");
    static final ConfigKey<Integer> READ_AHEAD = key("read_ahead", 0, ValueType.integer(0, 100_000),
            "calls a worker fetches ahead of its free slots, so that a freed slot starts the next call at once; "
                    + "for queues of short functions, as such a call waits for this worker's slots even while "
                    + "another worker is idle");
    static final ConfigKey<Duration> ACK_WAIT = key("ack_wait", LeaseRule.DEFAULT_ACK_WAIT,
            ValueType.duration(Duration.ofMillis(100)), "lease on a delivery; extended while the function runs");
    static final ConfigKey<Duration> UPSTREAM_TIMEOUT = key("upstream_timeout", WorkerSettings.DEFAULT_UPSTREAM_TIMEOUT,
            ValueType.duration(Duration.ofMillis(1)),
            "per-attempt function timeout (annotation `com.invoq.timeout` overrides)");
    static final ConfigKey<Optional<String>> UPSTREAM_URL = optional("upstream_url", ValueType.urlTemplate(),
            "invoke functions not in the registry at this URL template, e.g. `http://gw:8080/function/{name}` "
                    + "(`{namespace}` is the function's namespace)");
    static final ConfigKey<FunctionNamespace> FUNCTION_NAMESPACE = key("function_namespace", FunctionNamespace.DEFAULT,
            ValueType.of("1-63 characters of [-a-z0-9], starting and ending with a letter or digit",
                    FunctionNamespace::new, FunctionNamespace::value),
            "the namespace invoq's functions are in: `<name>.<namespace>` also names the function `<name>`, "
                    + "as OpenFaaS clients call it");
    static final ConfigKey<Integer> MAX_RETRY_ATTEMPTS = key("max_retry_attempts", RetryPolicy.DEFAULT_MAX_ATTEMPTS,
            ValueType.integer(1, 1000), "attempts per call, the first included");
    static final ConfigKey<Duration> INITIAL_RETRY_WAIT = key("initial_retry_wait", RetryPolicy.DEFAULT_INITIAL_WAIT,
            ValueType.duration(Duration.ZERO), "first retry delay");
    static final ConfigKey<Duration> MAX_RETRY_WAIT = key("max_retry_wait", RetryPolicy.DEFAULT_MAX_WAIT,
            ValueType.duration(Duration.ZERO), "longest retry delay; not shorter than `initial_retry_wait`");
    static final ConfigKey<java.util.Set<Integer>> RETRY_HTTP_CODES = key("retry_http_codes",
            RetryPolicy.DEFAULT_RETRY_CODES,
            ValueType.of("comma-separated HTTP status codes", RetryPolicy::parseCodes,
                    codes -> codes.stream().sorted().map(String::valueOf).collect(Collectors.joining(","))),
            "function statuses that are retried");
    static final ConfigKey<Backoff> BACKOFF = key("backoff", RetryPolicy.DEFAULT.backoff(),
            ValueType.choice(Backoff.class), "exponential, full or equal (jitter)");
    static final ConfigKey<ScalingMode> SCALING_MODE = key("scaling_mode", ScalingMode.STATIC,
            ValueType.choice(ScalingMode.class), "static: one shared consumer per queue, FIFO; function: one consumer "
                    + "per function with pending calls, free slots shared round-robin between functions, "
                    + "per-function flow control (see [function mode](#function-mode-and-flow-control))");
    static final ConfigKey<Duration> CONSUMER_INACTIVE_THRESHOLD = key("consumer_inactive_threshold",
            JetStreamSettings.DEFAULT_CONSUMER_INACTIVE_THRESHOLD, ValueType.duration(Duration.ofSeconds(1)),
            "function mode: a function's consumer is removed once the function has had no pending call for this long");
    static final ConfigKey<Integer> MAX_CONCURRENCY = key("max_concurrency", FlowSettings.UNBOUNDED,
            ValueType.integer(0, 1_000_000), "function mode: most calls of one function running at once across all "
                    + "workers of the queue, unless its `com.invoq.max_concurrency` annotation says otherwise "
                    + "(0: no bound)");
    static final ConfigKey<Boolean> ADAPTIVE_CONCURRENCY = key("adaptive_concurrency", true, ValueType.bool(),
            "function mode: a function answering `429` (or `503` with `Retry-After`) gets half as many calls at once "
                    + "from each worker, and one more after each run of successes");
    static final ConfigKey<Duration> DUPLICATE_WINDOW = key("duplicate_window", QueueSettings.DEFAULT_DUPLICATE_WINDOW,
            ValueType.duration(Duration.ZERO), "how long a `X-Call-Id` is remembered for de-duplication");
    static final ConfigKey<Long> MAX_QUEUE_LENGTH = key("max_queue_length", QueueSettings.NO_BOUND,
            ValueType.wholeNumber(QueueSettings.NO_BOUND, Long.MAX_VALUE),
            "most calls a queue holds that are due or running; more are refused with `429` (0: no bound). "
                    + "On JetStream, a process started with a bound gives it to the queue's stream (max messages, "
                    + "discard new), whoever created the stream; set it on the gateways");
    static final ConfigKey<Duration> CALL_RETENTION = key("call_retention", CallLedgerSettings.DEFAULT_RETENTION,
            ValueType.duration(Duration.ofSeconds(1)),
            "how long a call's status (`GET /system/calls/{id}`) is kept after its last change; "
                    + "the in-memory broker keeps it in the heap, about 0.5 KiB a call");
    static final ConfigKey<Boolean> DEAD_LETTERS = key("dead_letters", true, ValueType.bool(),
            "keep calls that end without success as dead letters; with `false` their callback, status and "
                    + "metrics still tell");
    static final ConfigKey<Duration> DEAD_LETTER_RETENTION = key("dead_letter_retention",
            DeadLetterSettings.DEFAULT_RETENTION, ValueType.duration(Duration.ofSeconds(1)),
            "how long a call that ended without success is kept in its queue's dead letters");
    static final ConfigKey<Long> MAX_REQUEST_BYTES = key("max_request_bytes", GatewaySettings.DEFAULT_MAX_REQUEST_BYTES,
            ValueType.wholeNumber(1, GatewaySettings.LARGEST_REQUEST_BYTES), "largest accepted request body");
    static final ConfigKey<Duration> MAX_DELAY = key("max_delay", GatewaySettings.DEFAULT_MAX_DELAY,
            ValueType.duration(Duration.ZERO), "largest `X-Delay` / `X-Not-Before` distance accepted");
    static final ConfigKey<Duration> SHUTDOWN_GRACE = key("shutdown_grace", Duration.ofSeconds(30),
            ValueType.duration(Duration.ZERO),
            "on SIGTERM, how long running calls may finish before they are handed back");
    static final ConfigKey<InvoqConfig.LogEncoding> LOG_ENCODING = key("log_encoding", InvoqConfig.LogEncoding.CONSOLE,
            ValueType.choice(InvoqConfig.LogEncoding.class), "console or json");
    static final ConfigKey<Boolean> DEBUG = key("debug", false, ValueType.bool(),
            "log each submission's headers (credentials redacted) and the start of its body");
    static final ConfigKey<Integer> MAX_HOPS = key("max_hops", SecuritySettings.Limits.DEFAULT_MAX_HOPS,
            ValueType.integer(1, 1000), "requests invoq may send one after the other (to functions, callbacks, "
                    + "itself); a submission or synchronous call arriving after more is refused with `508 Loop Detected`");
    static final ConfigKey<Integer> MAX_CONNECTIONS = key("max_connections", SecuritySettings.Limits.DEFAULT_MAX_CONNECTIONS,
            ValueType.integer(1, 1_000_000),
            "connections the gateway holds open at once; past it, it accepts none until one closes");
    static final ConfigKey<Integer> MAX_PROXY_INFLIGHT = key("max_proxy_inflight",
            SecuritySettings.Limits.DEFAULT_MAX_PROXY_INFLIGHT, ValueType.integer(1, 1_000_000),
            "synchronous calls (`/function/...`) in flight at once; more are refused with `503`");
    static final ConfigKey<OutboundProfile> OUTBOUND_PROFILE = key("outbound_profile", OutboundProfile.STANDARD,
            ValueType.choice(OutboundProfile.class), "where invoq refuses to send requests unless allowed by address: "
                    + "`standard` refuses link-local and cloud metadata addresses (169.254.0.0/16, fd00:ec2::254, ...); "
                    + "`hardened` also loopback and private networks");
    static final ConfigKey<AllowList> FUNCTION_URL_ALLOW = key("function_url_allow", AllowList.ANYWHERE,
            ValueType.allowList(), "where function URLs (registered, or made from `upstream_url`) may point, when set: "
                    + "host names, `*.domain` patterns, addresses and CIDR blocks, separated by commas or spaces");
    static final ConfigKey<AllowList> CALLBACK_ALLOW = key("callback_allow", AllowList.ANYWHERE, ValueType.allowList(),
            "where callback URLs may point, when set; written as `function_url_allow`");
    static final ConfigKey<Boolean> BASIC_AUTH = key("basic_auth", false, ValueType.bool(),
            "protect the admin routes (`/system/...`, cancelling) with the OpenFaaS basic-auth user and password "
                    + "read from `secret_mount_path`");
    static final ConfigKey<Path> SECRET_MOUNT_PATH = key("secret_mount_path", Path.of("/var/openfaas/secrets"),
            ValueType.of("a directory", Path::of, Path::toString),
            "directory holding the files `basic-auth-user` and `basic-auth-password`, as the OpenFaaS gateway reads them");
    static final ConfigKey<Optional<TokenList>> AUTH_TOKENS_FILE = optional("auth_tokens_file", ValueType.tokenList(),
            "file of bearer tokens, one a line: the token (16 characters or more), then its scopes `submit`, `read`, "
                    + "`admin`; protects the admin routes as `basic_auth` does");
    static final ConfigKey<Boolean> AUTH_SUBMIT = key("auth_submit", false, ValueType.bool(),
            "submitting and calling functions (`/async-function/...`, `/function/...`) need credentials with the "
                    + "`submit` scope");
    static final ConfigKey<Boolean> METRICS_AUTH = key("metrics_auth", false, ValueType.bool(),
            "`/metrics` needs credentials with the `read` scope");
    static final ConfigKey<CallbackSigningSettings> CALLBACK_SIGNING_SECRET = key("callback_signing_secret",
            CallbackSigningSettings.NONE,
            ValueType.signingSecrets(), "sign callbacks as Standard Webhooks do (`webhook-id`, `webhook-timestamp`, "
                    + "`webhook-signature`) with these secrets (`whsec_` and 24 bytes or more in base64); several, "
                    + "separated by spaces, each sign, for a rotation");
    static final ConfigKey<Optional<Path>> TLS_KEYSTORE = optional("tls_keystore", ValueType.readableFile(),
            "key store (PKCS12 or JKS) with the gateway's certificate and private key; with it the port serves HTTPS only");
    static final ConfigKey<Optional<String>> TLS_KEYSTORE_PASSWORD = optional("tls_keystore_password",
            ValueType.text().secretly(), "password of `tls_keystore` and of its key");
    static final ConfigKey<Optional<Path>> FUNCTIONS_FILE = optional("functions_file", ValueType.readableFile(),
            "JSON file of functions to register at start-up");
    static final ConfigKey<Optional<Path>> CONFIG_FILE = optional("config_file", ValueType.readableFile(),
            "properties file with any of these keys");

    private final String name;
    private final T defaultValue;
    private final ValueType<T> type;
    private final String help;
    private final String defaultText;

    private ConfigKey(String name, T defaultValue, ValueType<T> type, String help, String defaultText) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.type = type;
        this.help = help;
        this.defaultText = defaultText;
        ALL.add(this);
    }

    private static <T> ConfigKey<T> key(String name, T defaultValue, ValueType<T> type, String help) {
        return new ConfigKey<>(name, defaultValue, type, help, type.format().apply(defaultValue));
    }

    private static <T> ConfigKey<Optional<T>> optional(String name, ValueType<T> type, String help) {
        ValueType<Optional<T>> optionalType = new ValueType<>(type.expected(),
                text -> Optional.of(type.parse().apply(text)), value -> value.map(type.format()).orElse(""), type.secret());
        return new ConfigKey<>(name, Optional.empty(), optionalType, help, "");
    }

    /** Every key, in the order of the README's table. */
    static List<ConfigKey<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The name in environment variables and config files, e.g. {@code max_inflight}. */
    String key() {
        return name;
    }

    /** The command-line flag, e.g. {@code --max-inflight}. */
    String flag() {
        return "--" + name.replace('_', '-');
    }

    /** The default as text, empty when the key is unset by default. */
    String defaultText() {
        return defaultText;
    }

    /** What the key is for, in Markdown. */
    String help() {
        return help;
    }

    /** This key's value from {@code source}, or its default; an invalid value fails naming the key. */
    T read(ConfigSource source) {
        Optional<String> text = source.get(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            return type.parse().apply(text.get());
        } catch (ValueType.InvalidValue e) {
            throw invalid(text.get(), e.getMessage());
        } catch (RuntimeException e) {
            throw invalid(text.get(), "must be " + type.expected());
        }
    }

    /** Names the key; shows the value unless it is a secret, and never the credentials in a URL. */
    ConfigurationException invalid(String text, String problem) {
        String shown = type.secret() ? "(a secret, not shown)" : "'" + Redaction.text(text) + "'";
        return new ConfigurationException("invalid configuration: " + name + "=" + shown + " " + problem
                + " (flag " + flag() + ")");
    }

    @Override
    public String toString() {
        return name;
    }
}
