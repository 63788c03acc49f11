package io.invoq.app;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.ports.out.Scheduler;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run an {@link Invoq} in this JVM: immutable, made by {@link #builder()}. Any key of
 * invoq's configuration (the README's table, {@code java -jar invoq.jar --help}) can be set, with
 * the same defaults and the same validation as the jar, except that the port is 0 (a free one)
 * unless set; the process's environment is not read.
 */
public final class InvoqOptions {

    /** What the process runs, the configuration key {@code mode}. */
    public enum Mode {
        /** The HTTP gateway only: submissions, status, functions, dead letters. */
        GATEWAY,
        /** The worker only (its HTTP server answers /healthz, /readyz and /metrics). */
        WORKER,
        /** Both, the default. */
        ALL
    }

    private final Map<String, String> settings;
    private final List<FunctionDefinition> functions;
    private final Optional<Scheduler> clock;
    private final InvoqConfig config;

    private InvoqOptions(Builder builder) {
        this.settings = Map.copyOf(builder.settings);
        this.functions = List.copyOf(builder.functions);
        this.clock = Optional.ofNullable(builder.clock);
        this.config = InvoqConfig.load(flags(settings), Map.of());
        if (clock.isPresent() && config.broker() != InvoqConfig.BrokerKind.INMEMORY) {
            throw new ConfigurationException("invalid configuration: a clock of your own needs broker=inmemory; "
                    + "JetStream keeps its own time");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The configuration set, by key (e.g. {@code max_inflight}); keys not set take their defaults. */
    public Map<String, String> settings() {
        return settings;
    }

    InvoqConfig config() {
        return config;
    }

    List<FunctionDefinition> functions() {
        return functions;
    }

    Optional<Scheduler> clock() {
        return clock;
    }

    private static String[] flags(Map<String, String> settings) {
        return settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey().replace('_', '-') + "=" + setting.getValue())
                .toArray(String[]::new);
    }

    /** Builds {@link InvoqOptions}; not thread-safe. */
    public static final class Builder {

        private final Map<String, String> settings = new LinkedHashMap<>(Map.of("port", "0"));
        private final List<FunctionDefinition> functions = new ArrayList<>();
        private Scheduler clock;

        private Builder() {
        }

        /**
         * Sets a configuration key, named as in the environment or the config file
         * ({@code max_retry_attempts}) or as its flag without dashes ({@code max-retry-attempts}).
         * An unknown key or invalid value fails {@link #build()}, naming the key.
         */
        public Builder set(String key, String value) {
            Objects.requireNonNull(value, "value");
            settings.put(key.trim().toLowerCase(Locale.ROOT).replace('-', '_'), value);
            return this;
        }

        public Builder mode(Mode mode) {
            return set("mode", mode.name());
        }

        /** The HTTP port; 0 (the default here) takes a free one, see {@link Invoq#port()}. */
        public Builder port(int port) {
            return set("port", Integer.toString(port));
        }

        /** The in-memory broker (the default): nothing outlives the process. */
        public Builder inMemory() {
            return set("broker", "inmemory");
        }

        /** NATS JetStream at {@code natsUrl} (comma-separated for a cluster). */
        public Builder jetStream(String natsUrl) {
            set("broker", "jetstream");
            return set("nats_url", natsUrl);
        }

        /** Registers the function {@code name} at start-up, invoked at {@code url}. */
        public Builder function(String name, URI url) {
            return function(name, url, Map.of());
        }

        /**
         * Registers the function {@code name} at start-up, invoked at {@code url}, with
         * {@code annotations} such as {@code com.openfaas.retry.attempts}.
         *
         * @throws IllegalArgumentException when the name or the URL is not valid
         */
        public Builder function(String name, URI url, Map<String, String> annotations) {
            functions.add(new FunctionDefinition(new FunctionName(name), url, annotations));
            return this;
        }

        /**
         * The clock every wait of the in-memory broker and of the worker follows, callback retries
         * included: the system's by default; a {@code io.invoq.adapter.inmemory.ManualTimeSource}
         * makes minutes of retries pass when the test moves it. Only with the in-memory broker.
         */
        public Builder clock(Scheduler clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @throws ConfigurationException when a key is unknown or a value invalid; the message names the key */
        public InvoqOptions build() {
            return new InvoqOptions(this);
        }
    }
}
