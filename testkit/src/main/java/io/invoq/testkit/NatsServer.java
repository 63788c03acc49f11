package io.invoq.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A {@code nats-server -js} of the test's own, on a free loopback port, its storage in a temporary directory. */
final class NatsServer implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private final Process process;
    private final Path storage;
    private final int port;

    private NatsServer(Process process, Path storage, int port) {
        this.process = process;
        this.storage = storage;
        this.port = port;
    }

    /** The {@code nats-server} on the PATH (or Debian's {@code /usr/sbin}), if any. */
    static Optional<Path> executable() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                        Stream.of("/usr/sbin", "/usr/local/bin"))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "nats-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static NatsServer start(Path executable) {
        try {
            Path storage = Files.createTempDirectory("invoq-testkit-nats");
            int port = freePort();
            Process process = new ProcessBuilder(executable.toString(), "-js", "-a", "127.0.0.1", "-p",
                    Integer.toString(port), "-sd", storage.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(storage.resolve("nats-server.log").toFile())
                    .start();
            NatsServer server = new NatsServer(process, storage, port);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        }
    }

    String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** nats-server listens before JetStream is ready to store, so a connection is not enough: JetStream logs when it is. */
    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        Path log = storage.resolve("nats-server.log");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nats-server exited: " + Files.readString(log));
            }
            if (Files.exists(log) && Files.readString(log).contains("Server is ready") && accepts()) {
                return;
            }
            try {
                process.waitFor(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while nats-server started", e);
            }
        }
        close();
        throw new IOException("nats-server did not start within " + START_LIMIT.toSeconds() + " s");
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(storage)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind harms nobody
        }
    }
}
