package io.invoq.app;

import java.net.URI;
import java.util.Map;

/**
 * invoq running inside this JVM: its gateway, its worker or both, over the in-memory broker or
 * NATS JetStream, exactly as {@code java -jar invoq.jar} runs them. Start one with
 * {@link #start(InvoqOptions)} and close it when done:
 *
 * <pre>{@code
 * try (Invoq invoq = Invoq.start(InvoqOptions.builder()
 *         .set("max_retry_attempts", "3")
 *         .function("resize", URI.create("http://127.0.0.1:8081"))
 *         .build())) {
 *     // POST invoq.baseUrl().resolve("/async-function/resize") ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. Every method but {@link #close()} may be called until it is closed.
 */
public interface Invoq extends AutoCloseable {

    /**
     * Starts invoq with {@code options} and returns once its gateway listens and its worker pulls.
     *
     * @throws ConfigurationException when the options cannot run, e.g. NATS settings that do not
     *                                fit together; the message names the key. A port that is taken
     *                                or a NATS server out of reach fails with what caused it.
     */
    static Invoq start(InvoqOptions options) {
        return RunningInvoq.start(options);
    }

    /** The port the HTTP server listens on: the one asked for, or the free one it took for port 0. */
    int port();

    /** Where the gateway answers, e.g. {@code http://127.0.0.1:38211}, without a trailing slash. */
    URI baseUrl();

    /** Registers (or replaces) the function {@code name}, invoked at {@code url}; see {@link #registerFunction(String, URI, Map)}. */
    void registerFunction(String name, URI url);

    /**
     * Registers (or replaces) the function {@code name}, invoked at {@code url} (the call's path
     * suffix appended), with {@code annotations} such as {@code com.openfaas.retry.attempts}: as
     * {@code POST /system/functions} does.
     *
     * @throws IllegalArgumentException when the name or the URL is not valid
     */
    void registerFunction(String name, URI url, Map<String, String> annotations);

    /**
     * Stops as on SIGTERM: takes no more work, lets running calls finish within
     * {@code shutdown_grace}, hands the rest back to the broker, and closes everything. Idempotent.
     */
    @Override
    void close();
}
