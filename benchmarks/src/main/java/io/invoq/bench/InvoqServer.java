package io.invoq.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The invoq jar under test, as a separate JVM on a free loopback port. */
final class InvoqServer implements AutoCloseable {

    static final int MAX_INFLIGHT = 64;
    /** In invoq's JVM options, stands for the broker's name, e.g. to give each run its own JFR file. */
    static final String BROKER_PLACEHOLDER = "{broker}";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ChildProcess process;
    private final URI base;
    private double secondsToReady;
    private Duration cpuToReady = Duration.ZERO;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private InvoqServer(ChildProcess process, int port) {
        this.process = process;
        this.base = URI.create("http://" + Loopback.HOST + ":" + port);
    }

    /**
     * Starts invoq on {@code queue}, consumed in {@code scalingMode}, and waits until {@code /readyz}
     * answers 200. A queue keeps its scaling mode in the broker, so each mode needs a queue of its own.
     *
     * @param javaOptions JVM options, where {@link #BROKER_PLACEHOLDER} stands for {@code label}
     * @param label       names this run's log and JFR file: the broker's name, or more
     */
    static InvoqServer start(Path jar, List<String> javaOptions, int readAhead, Broker broker, String natsUrl,
                             Path workDirectory, String queue, String scalingMode, String label) throws InterruptedException {
        int port = Loopback.freePort();
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        javaOptions.forEach(option -> command.add(option.replace(BROKER_PLACEHOLDER, label)));
        command.addAll(List.of("-jar", jar.toString(),
                "--broker=" + broker.flag(),
                "--nats-url=" + natsUrl,
                "--port=" + port,
                "--queue-name=" + queue,
                "--scaling-mode=" + scalingMode,
                "--max-inflight=" + MAX_INFLIGHT,
                "--read-ahead=" + readAhead,
                "--shutdown-grace=5s"));
        long started = System.nanoTime();
        InvoqServer server = new InvoqServer(
                ChildProcess.start("invoq", command, workDirectory.resolve("invoq-" + label + ".log")), port);
        try {
            Await.until("invoq to become ready on port " + port, START_TIMEOUT, () -> !server.process.isAlive() || server.ready());
            server.process.requireAlive();
            server.secondsToReady = (System.nanoTime() - started) / 1e9;
            server.cpuToReady = server.cpuTime();
            return server;
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    /** From starting the process to {@code /readyz} answering 200. */
    double secondsToReady() {
        return secondsToReady;
    }

    /** The CPU time the process had used when it was first ready: JVM start, class loading, wiring. */
    Duration cpuToReady() {
        return cpuToReady;
    }

    URI submissionUri(SimulatedFunction function) {
        return base.resolve("/async-function/" + function.name());
    }

    void register(SimulatedFunction function, URI url) throws IOException, InterruptedException {
        String json = "{\"name\":\"" + function.name() + "\",\"url\":\"" + url + "\"}";
        int status = client.send(HttpRequest.newBuilder(base.resolve("/system/functions"))
                .POST(BodyPublishers.ofString(json)).build(), BodyHandlers.discarding()).statusCode();
        if (status != 200 && status != 201) {
            throw new IllegalStateException("registering " + function.name() + " answered " + status);
        }
    }

    /** Fails with the end of invoq's log if it has died. */
    void requireAlive() {
        process.requireAlive();
    }

    /** The most resident memory the process has had so far ({@code VmHWM}). */
    long peakRssBytes() {
        return memory("VmHWM:");
    }

    /** The process's resident memory now ({@code VmRSS}). */
    long rssBytes() {
        return memory("VmRSS:");
    }

    /** Whether {@code GET /system/queues} answered 200 within 10 s. */
    boolean queuesAnswer() {
        return answers200("/system/queues", Duration.ofSeconds(10));
    }

    private long memory(String field) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith(field))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + field + " for process " + process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the memory of process " + process.pid(), e);
        }
    }

    /** CPU time the process's JIT compiler threads have used so far. */
    Duration jitCompilerTime() {
        return JitCompilerTime.of(process.pid());
    }

    /** CPU time (user + system) the process has used so far. */
    Duration cpuTime() {
        return process.cpuTime();
    }

    @Override
    public void close() {
        process.close();
    }

    private boolean ready() {
        return answers200("/readyz", Duration.ofSeconds(2));
    }

    private boolean answers200(String path, Duration timeout) {
        try {
            return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).build(),
                    BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
