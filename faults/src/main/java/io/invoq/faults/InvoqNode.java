package io.invoq.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One invoq process (the app jar), a gateway or a worker, on a port of its own. */
final class InvoqNode {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ChildProcess process;
    private final int port;

    private InvoqNode(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static InvoqNode start(String name, Path jar, List<String> flags, Path directory) throws InterruptedException {
        int port = Loopback.freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--port=" + port));
        command.addAll(flags);
        InvoqNode node = new InvoqNode(new ChildProcess(name, command, directory.resolve(name + ".log")), port);
        node.process.start();
        node.awaitReady();
        return node;
    }

    ChildProcess process() {
        return process;
    }

    URI uri(String path) {
        return URI.create("http://" + Loopback.HOST + ":" + port + path);
    }

    void restart() throws InterruptedException {
        process.start();
        awaitReady();
    }

    private void awaitReady() throws InterruptedException {
        Loopback.await(process.name() + " ready on port " + port, Duration.ofSeconds(90), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited while starting");
            }
            return answers(HttpRequest.newBuilder(uri("/readyz")).timeout(Duration.ofSeconds(2)).build(), 200);
        });
    }

    /** Whether the request is answered with one of the statuses; false when it is not answered. */
    static boolean answers(HttpRequest request, int... statuses) {
        try {
            int status = CLIENT.send(request, BodyHandlers.discarding()).statusCode();
            return Arrays.stream(statuses).anyMatch(wanted -> wanted == status);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
