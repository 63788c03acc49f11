package io.invoq.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real jar in a process of its own, started the way the README says, for crash and signal tests. */
final class InvoqProcess implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final int port;

    private InvoqProcess(Process process, Path stdout, Path stderr, int port) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.port = port;
    }

    static InvoqProcess start(String... flags) {
        String jar = System.getProperty("invoq.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("system property invoq.jar must name the built jar, not " + jar);
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar, "--port=" + port));
        command.addAll(List.of(flags));
        try {
            Path stdout = Files.createTempFile("invoq-", ".out");
            Path stderr = Files.createTempFile("invoq-", ".err");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            InvoqProcess invoq = new InvoqProcess(process, stdout, stderr, port);
            InvoqClient client = invoq.client();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> client.send("GET", "/readyz", null).statusCode() == 200);
            return invoq;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InvoqClient client() {
        return new InvoqClient(port);
    }

    /** SIGKILL: no shutdown of any kind. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, as an orchestrator stops a container. */
    void terminate() {
        process.destroy();
    }

    int awaitExit() {
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("invoq did not exit; log: " + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the process wrote to stdout and then to stderr. */
    String log() {
        return stdout() + read(stderr);
    }

    String stdout() {
        return read(stdout);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }

    /** Kills the process if it still runs and removes its output files. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        try {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
