package io.invoq.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A fresh {@code nats-server -js} with file storage in a temporary directory, on a free loopback port. */
final class NatsServer implements AutoCloseable {

    private static final String BINARY = "nats-server";
    private static final List<Path> EXTRA_LOCATIONS = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(5);
    private static final int PORT_ATTEMPTS = 5;

    private final Path binary;
    private final ChildProcess process;
    private final int port;

    private NatsServer(Path binary, ChildProcess process, int port) {
        this.binary = binary;
        this.process = process;
        this.port = port;
    }

    static NatsServer start(Path workDirectory) throws InterruptedException {
        Path binary = findBinary();
        IllegalStateException lastFailure = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = Loopback.freePort();
            Path store = workDirectory.resolve("nats-store-" + port);
            ChildProcess process = ChildProcess.start(BINARY, List.of(binary.toString(), "-js", "-a", Loopback.HOST,
                    "-p", String.valueOf(port), "-sd", store.toString()), workDirectory.resolve("nats-server-" + port + ".log"));
            try {
                Await.until("nats-server on port " + port, START_TIMEOUT, () -> !process.isAlive() || greets(port));
                process.requireAlive();
                return new NatsServer(binary, process, port);
            } catch (IllegalStateException e) {
                // another process may have taken the port between our probe and the server's bind
                process.close();
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    String url() {
        return "nats://" + Loopback.HOST + ":" + port;
    }

    /** CPU time (user + system) the server has used so far. */
    Duration cpuTime() {
        return process.cpuTime();
    }

    /** What {@code nats-server --version} says, e.g. {@code nats-server: v2.9.10}. */
    String version() throws IOException, InterruptedException {
        Process version = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
        if (!version.waitFor(VERSION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            version.destroyForcibly();
            return BINARY + " (version unknown)";
        }
        return new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    @Override
    public void close() {
        process.close();
    }

    private static boolean greets(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Loopback.address(), port), 200);
            socket.setSoTimeout(1000);
            String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return greeting != null && greeting.startsWith("INFO ");
        } catch (IOException e) {
            return false;
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
                        + " (Debian/Ubuntu: apt-get install nats-server)"));
    }
}
