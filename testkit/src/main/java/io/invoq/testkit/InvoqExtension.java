package io.invoq.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoq.adapter.inmemory.ManualTimeSource;
import io.invoq.app.Invoq;
import io.invoq.app.InvoqOptions;
import io.invoq.domain.CallState;
import io.invoq.ports.out.TimeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * invoq in a JUnit 5 test: gateway and worker in this JVM, functions written as lambdas and served
 * on loopback HTTP, a callback sink, and, on the in-memory broker, a manual clock.
 *
 * <pre>{@code
 * @RegisterExtension
 * static InvoqExtension invoq = InvoqExtension.inMemory()
 *         .function("resize", request -> request.attempt() < 3 ? FunctionResponse.status(503) : FunctionResponse.ok("done"))
 *         .build();
 *
 * @Test
 * void retries_until_the_function_answers() {
 *     String callId = invoq.submit("resize", "picture");
 *     invoq.advance(Duration.ofMinutes(1));             // the retries after 10 s and 20 s run now
 *     assertEquals("done", invoq.awaitCallback(callId).bodyText());
 * }
 * }</pre>
 *
 * <p>Registered in a {@code static} field, one invoq serves every test of the class; in an instance
 * field, each test gets its own. {@link #inMemory()} runs on a manual clock that only
 * {@link #advance(Duration)} moves; {@link #jetStream()} runs on a {@code nats-server} of its own
 * (skipping the tests when none is installed) and on real time, where {@code advance} does nothing
 * and the await methods wait.
 *
 * <p>While it runs, invoq logs at WARN (the logger {@code io.invoq}), unless the test's logging
 * configuration names a level for {@code io.invoq}.
 */
public final class InvoqExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** Where the manual clock starts: the same instant in every run. */
    public static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

    private final boolean onJetStream;
    private final Map<String, String> settings;
    private final Map<String, InProcessFunction> functions;
    private final Duration awaitLimit;
    private final HttpClient http = HttpClient.newHttpClient();

    private Running running;
    private boolean perTest;

    /** What lives from start to stop. */
    private record Running(Invoq invoq, LoopbackServer loopback, Optional<VirtualTime> virtualTime,
                           Optional<NatsServer> nats) {
    }

    private InvoqExtension(Builder builder) {
        this.onJetStream = builder.onJetStream;
        this.settings = Map.copyOf(builder.settings);
        this.functions = Map.copyOf(builder.functions);
        this.awaitLimit = builder.awaitLimit;
    }

    /** invoq on the in-memory broker and a manual clock, starting at {@link #START}. */
    public static Builder inMemory() {
        return new Builder(false);
    }

    /**
     * invoq on NATS JetStream: a {@code nats-server -js} found on the PATH (or in /usr/sbin) is started
     * on a free port and stopped with invoq; without one, the tests are skipped. Real time: see
     * {@link #advance(Duration)}.
     */
    public static Builder jetStream() {
        return new Builder(true);
    }

    // ---- life cycle ----

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (running == null) {
            perTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() {
        Optional<NatsServer> nats = Optional.empty();
        if (onJetStream) {
            Optional<Path> executable = NatsServer.executable();
            Assumptions.assumeTrue(executable.isPresent(), "nats-server is not installed (PATH, /usr/sbin): JetStream tests skipped");
            nats = Optional.of(NatsServer.start(executable.get()));
        }
        Optional<ManualTimeSource> clock = onJetStream ? Optional.empty() : Optional.of(new ManualTimeSource(START));
        LoopbackServer loopback = new LoopbackServer(clock.<TimeSource>map(manual -> manual).orElse(TimeSource.SYSTEM));
        InvoqOptions.Builder options = InvoqOptions.builder().set("shutdown_grace", "0s");
        settings.forEach(options::set);
        nats.ifPresent(server -> options.jetStream(server.url()));
        clock.ifPresent(options::clock);
        functions.forEach((name, function) -> {
            loopback.serve(name, function);
            options.function(name, loopback.functionUrl(name));
        });
        QuietInvoqLogs.begin();
        try {
            running = new Running(Invoq.start(options.build()), loopback,
                    clock.map(manual -> new VirtualTime(manual, awaitLimit)), nats);
        } catch (RuntimeException e) {
            loopback.close();
            nats.ifPresent(NatsServer::close);
            QuietInvoqLogs.end();
            throw e;
        }
    }

    private void stop() {
        if (running != null) {
            running.invoq().close();
            running.loopback().close();
            running.nats().ifPresent(NatsServer::close);
            running = null;
            QuietInvoqLogs.end();
        }
    }

    private Running running() {
        if (running == null) {
            throw new IllegalStateException("invoq runs from the extension's beforeAll/beforeEach to its afterAll/afterEach: "
                    + "register the InvoqExtension with @RegisterExtension and use it inside tests");
        }
        return running;
    }

    // ---- invoq ----

    /** The running invoq, e.g. to register a function served elsewhere. */
    public Invoq invoq() {
        return running().invoq();
    }

    /** Where invoq's gateway answers, e.g. {@code http://127.0.0.1:38211}: give it to the service under test. */
    public URI baseUrl() {
        return invoq().baseUrl();
    }

    /**
     * Submits a call to {@code function} with {@code body}, as {@code POST /async-function/<function>},
     * adding {@code X-Callback-Url: }{@link #callbackUrl()} unless {@code headers} set one.
     *
     * @param headers names and values, e.g. {@code "X-Delay", "2m", "X-Call-Id", "order-42"}
     * @return the call id invoq answered
     * @throws AssertionError unless invoq answered {@code 202}
     */
    public String submit(String function, String body, String... headers) {
        List<String> all = new ArrayList<>(Arrays.asList(headers));
        boolean hasCallback = false;
        for (int i = 0; i < all.size(); i += 2) {
            hasCallback |= all.get(i).equalsIgnoreCase("X-Callback-Url");
        }
        if (!hasCallback) {
            all.add("X-Callback-Url");
            all.add(callbackUrl().toString());
        }
        HttpResponse<String> answer = send("POST", "/async-function/" + function, body, all.toArray(String[]::new));
        if (answer.statusCode() != 202) {
            throw new AssertionError("submitting to " + function + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.headers().firstValue("X-Call-Id").orElseThrow();
    }

    /** Sends any request to invoq's gateway, e.g. {@code send("DELETE", "/async-function/" + callId, null)}. */
    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl().resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The call's state as {@code GET /system/calls/{id}} tells it; empty while invoq knows no such call. */
    public Optional<CallState> state(String callId) {
        HttpResponse<String> answer = send("GET", "/system/calls/" + callId, null);
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET /system/calls/" + callId + " answered " + answer.statusCode() + ": " + answer.body());
        }
        try {
            JsonNode status = JSON.readTree(answer.body());
            return Optional.of(CallState.valueOf(status.path("state").asText().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns once the call is in {@code state}. On the manual clock it lets what is due now settle,
     * then fails at once unless the call is there: advance the clock to move it on. On JetStream it
     * waits for it in real time, up to the await limit.
     *
     * @throws AssertionError when the call is not, or does not get, there
     */
    public void awaitState(String callId, CallState state) {
        Optional<VirtualTime> virtualTime = running().virtualTime();
        if (virtualTime.isPresent()) {
            virtualTime.get().settle();
        } else {
            long deadline = System.nanoTime() + awaitLimit.toNanos();
            while (!state(callId).equals(Optional.of(state)) && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
        Optional<CallState> now = state(callId);
        if (!now.equals(Optional.of(state))) {
            throw new AssertionError("call " + callId + " is " + now.map(CallState::toString).orElse("unknown")
                    + ", not " + state + ", " + whereTimeIs());
        }
    }

    // ---- functions ----

    /**
     * Serves {@code function} as the function {@code name} and registers it with invoq, replacing
     * any function of that name.
     */
    public void function(String name, InProcessFunction function) {
        running().loopback().serve(name, function);
        invoq().registerFunction(name, functionUrl(name));
    }

    /** Where the in-process function {@code name} is served (once registered). */
    public URI functionUrl(String name) {
        return running().loopback().functionUrl(name);
    }

    /** The requests every in-process function received, oldest first. */
    public List<FunctionRequest> requests() {
        return running().loopback().requests();
    }

    /** The requests the in-process function {@code name} received, oldest first. */
    public List<FunctionRequest> requests(String function) {
        return running().loopback().requests(function);
    }

    // ---- callbacks ----

    /** A callback URL whose callbacks the test can await; any path below it works too. */
    public URI callbackUrl() {
        return running().loopback().callbackUrl();
    }

    /** The sink answers callbacks with {@code status} from now on (204 at first); one of 300 or more is not recorded, so invoq retries it. */
    public void answerCallbacksWith(int status) {
        running().loopback().answerCallbacksWith(status);
    }

    /** The callbacks received so far, oldest first. */
    public List<Callback> callbacks() {
        return running().loopback().callbacks();
    }

    /**
     * The callback of {@code callId}, the latest when it had several (a dead letter replayed). On the manual clock it lets what is due now settle, then fails
     * at once when there is none: advance the clock to let the call go on. On JetStream it waits
     * for it in real time, up to the await limit.
     *
     * @throws AssertionError when no callback came
     */
    public Callback awaitCallback(String callId) {
        Running now = running();
        Optional<Callback> callback;
        if (now.virtualTime().isPresent()) {
            now.virtualTime().get().settle();
            callback = now.loopback().callback(callId);
        } else {
            try {
                callback = now.loopback().awaitCallback(callId, awaitLimit.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return callback.orElseThrow(() -> new AssertionError("no callback for call " + callId + " (it is "
                + state(callId).map(CallState::toString).orElse("unknown") + "), " + whereTimeIs()));
    }

    // ---- time ----

    /** True on the in-memory broker, whose clock only {@link #advance(Duration)} moves. */
    public boolean hasManualClock() {
        return running().virtualTime().isPresent();
    }

    /** invoq's time: virtual on the manual clock, else the system's. */
    public Instant now() {
        return running().virtualTime().map(VirtualTime::now).orElseGet(Instant::now);
    }

    /**
     * Moves the manual clock forward by {@code duration}, running everything that falls due on the
     * way at its own time (deferred starts, retries, and the attempts and callbacks they lead to),
     * so that minutes of back-off pass in milliseconds, in the same order every run. Returns once
     * what is due at the end has settled. On JetStream the clock is real and this does nothing:
     * the await methods wait instead, so one suite can run on both brokers when its waits are short.
     *
     * @throws IllegalStateException when work started on the way does not settle within the await
     *                               limit of real time, e.g. a function that does not answer
     */
    public void advance(Duration duration) {
        running().virtualTime().ifPresent(time -> time.advance(duration));
    }

    private String whereTimeIs() {
        return running().virtualTime()
                .map(time -> "at virtual time " + time.now() + time.nextDue()
                        .map(due -> "; the next thing is due at " + due + ": advance the clock")
                        .orElse("; nothing more is due"))
                .orElse("after waiting " + awaitLimit.toMillis() + " ms");
    }

    /** Configures an {@link InvoqExtension}; not thread-safe. */
    public static final class Builder {

        private final boolean onJetStream;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final Map<String, InProcessFunction> functions = new LinkedHashMap<>();
        private Duration awaitLimit = Duration.ofSeconds(30);

        private Builder(boolean onJetStream) {
            this.onJetStream = onJetStream;
        }

        /**
         * Sets any key of invoq's configuration, as {@link InvoqOptions.Builder#set} does, e.g.
         * {@code set("max_retry_attempts", "3")}. The testkit sets {@code shutdown_grace=0s} and leaves
         * the port to the system; it never reads the environment.
         */
        public Builder set(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** Serves {@code function} on loopback HTTP and registers it with invoq as {@code name} at start. */
        public Builder function(String name, InProcessFunction function) {
            functions.put(name, function);
            return this;
        }

        /**
         * The most real time a wait may take (30 s by default): for work to settle on the manual
         * clock, for a callback or a state on JetStream.
         */
        public Builder awaitLimit(Duration limit) {
            this.awaitLimit = limit;
            return this;
        }

        /** Checks the configuration at once, so that a bad key fails where the extension is declared. */
        public InvoqExtension build() {
            InvoqOptions.Builder check = InvoqOptions.builder();
            settings.forEach(check::set);
            check.build();
            return new InvoqExtension(this);
        }
    }
}
