package io.invoq.adapter.jetstream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real {@code nats-server} with JetStream, for tests: listens on a free loopback port, keeps its
 * store in a temporary directory, and can be stopped, killed and started again on the same port
 * and store to test broker outages and restarts. The binary is looked up on {@code PATH} and in
 * {@code /usr/sbin}; when it is missing, {@link #start} fails rather than letting tests pass unrun.
 *
 * <pre>{@code
 * try (NatsServerProcess nats = NatsServerProcess.start()) {
 *     connectTo(nats.url());
 * }
 * }</pre>
 */
public final class NatsServerProcess implements AutoCloseable {

    private static final String BINARY = "nats-server";
    private static final List<Path> EXTRA_LOCATIONS = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"));
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final int PORT_ATTEMPTS = 5;
    private static final int LOG_TAIL_LINES = 20;
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private final Path binary;
    private final Path directory;
    private final List<String> extraArguments;
    private int port;
    private Process process;

    private NatsServerProcess(Path binary, Path directory, List<String> extraArguments) {
        this.binary = binary;
        this.directory = directory;
        this.extraArguments = List.copyOf(extraArguments);
    }

    /**
     * Starts a server and waits until it accepts connections.
     *
     * @param extraArguments further {@code nats-server} options, e.g. {@code "--user", "u", "--pass", "p"}
     */
    public static NatsServerProcess start(String... extraArguments) {
        NatsServerProcess server = new NatsServerProcess(findBinary(), createDirectory(), List.of(extraArguments));
        server.startOnFreePort();
        return server;
    }

    /** The client URL, e.g. {@code nats://127.0.0.1:41234}. */
    public String url() {
        return "nats://" + LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Where JetStream keeps its streams; it outlives {@link #stop()} and {@link #kill()}. */
    public Path storeDirectory() {
        return directory.resolve("store");
    }

    /** The server's own log, for diagnosing a failing test. */
    public Path logFile() {
        return directory.resolve("nats-server.log");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server the way an operator would (SIGTERM) and waits until it is gone. */
    public synchronized void stop() {
        if (process != null) {
            if (process.isAlive()) {
                signal("CONT");
            }
            process.destroy();
            awaitExit(process);
        }
    }

    /** Kills the server without letting it shut down (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit(process);
        }
    }

    /** Freezes the server (SIGSTOP): connections stay open, nothing is answered, as a stalled host would. */
    public synchronized void pause() {
        signal("STOP");
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        Awaitility.await("nats-server stopped by SIGSTOP").atMost(START_TIMEOUT).pollInterval(POLL_INTERVAL)
                .until(() -> Files.readString(stat).replaceFirst("^.*\\) ", "").startsWith("T"));
    }

    /** Lets a paused server go on (SIGCONT). */
    public synchronized void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again, on the same port and with the same store. */
    public synchronized void restart() {
        stop();
        launch();
    }

    /** Stops the server and deletes its store and log. */
    @Override
    public synchronized void close() {
        stop();
        deleteRecursively(directory);
    }

    private synchronized void startOnFreePort() {
        IllegalStateException lastFailure = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            port = freePort();
            try {
                launch();
                return;
            } catch (IllegalStateException e) {
                // another process may have taken the port between our probe and the server's bind
                lastFailure = e;
            }
        }
        close();
        throw lastFailure;
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-js", "-a", LOOPBACK, "-p",
                String.valueOf(port), "-sd", storeDirectory().toString()));
        command.addAll(extraArguments);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + binary, e);
        }
        RUNNING.add(process);
        awaitAcceptingConnections();
    }

    private void awaitAcceptingConnections() {
        try {
            Awaitility.await("nats-server accepting connections on port " + port)
                    .atMost(START_TIMEOUT)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL_INTERVAL)
                    .until(() -> !process.isAlive() || greetsClients());
        } catch (ConditionTimeoutException e) {
            kill();
            throw new IllegalStateException("nats-server did not accept connections on port " + port + " within "
                    + START_TIMEOUT + ":\n" + logTail(), e);
        }
        if (!process.isAlive()) {
            RUNNING.remove(process);
            throw new IllegalStateException("nats-server exited with " + process.exitValue() + " while starting on port "
                    + port + ":\n" + logTail());
        }
    }

    private boolean greetsClients() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), (int) POLL_INTERVAL.toMillis() * 10);
            socket.setSoTimeout((int) POLL_INTERVAL.toMillis() * 50);
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String greeting = reader.readLine();
            return greeting != null && greeting.startsWith("INFO ");
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitExit(Process process) {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            RUNNING.remove(process);
        }
    }

    private String logTail() {
        try (Stream<String> lines = Files.lines(logFile())) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static Path findBinary() {
        Stream<Path> onPath = Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of);
        return Stream.concat(onPath, EXTRA_LOCATIONS.stream())
                .map(directory -> directory.resolve(BINARY))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(BINARY + " was not found on PATH nor in " + EXTRA_LOCATIONS
                        + "; the JetStream tests need it (Debian/Ubuntu: apt-get install nats-server)"));
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("invoq-nats-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for nats-server", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
