package io.invoq.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few seconds of invoq's hot path on the in-memory broker, for the JVM to record what it loads
 * (and, on JDK 25, how the code runs) at exit: the build runs it with
 * {@code -XX:ArchiveClassesAtExit=invoq.jsa} to make the class-data archive that
 * {@code -XX:SharedArchiveFile=invoq.jsa} starts invoq from. Submissions with callbacks go through
 * the gateway, the worker calls a function and posts the callback, as in production.
 *
 * <p>{@code java -cp invoq.jar io.invoq.app.TrainingRun}: exits 0 once every call has called back,
 * 1 otherwise.
 */
public final class TrainingRun {

    private static final int CALLS = 2_000;
    private static final int OUTSTANDING = 64;
    private static final long TIMEOUT_SECONDS = 120;
    private static final String FUNCTION = "training";

    private TrainingRun() {
    }

    public static void main(String[] args) throws Exception {
        AsyncPool.widen();
        CountDownLatch callbacks = new CountDownLatch(CALLS);
        HttpServer peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        peer.createContext("/function", exchange -> answer(exchange, "{\"ok\":true}"));
        peer.createContext("/callback", exchange -> {
            answer(exchange, "");
            callbacks.countDown();
        });
        peer.start();
        URI peerUri = URI.create("http://127.0.0.1:" + peer.getAddress().getPort());
        boolean finished;
        try (Invoq invoq = Invoq.start(InvoqOptions.builder().inMemory().set("max_inflight", Integer.toString(OUTSTANDING))
                .function(FUNCTION, peerUri.resolve("/function")).build())) {
            submit(invoq.baseUrl().resolve("/async-function/" + FUNCTION), peerUri.resolve("/callback"));
            finished = callbacks.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            peer.stop(0);
        }
        System.out.println("invoq training run: " + (CALLS - callbacks.getCount()) + " of " + CALLS + " calls called back");
        System.exit(finished ? 0 : 1);
    }

    private static void submit(URI target, URI callback) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore outstanding = new Semaphore(OUTSTANDING);
        for (int call = 0; call < CALLS; call++) {
            outstanding.acquire();
            HttpRequest request = HttpRequest.newBuilder(target)
                    .header("Content-Type", "application/json")
                    .header("X-Callback-Url", callback.toString())
                    .header("X-Call-Id", "training-" + call)
                    .POST(BodyPublishers.ofString("{\"training\":" + call + "}"))
                    .build();
            client.sendAsync(request, BodyHandlers.discarding()).whenComplete((response, failure) -> outstanding.release());
        }
        outstanding.acquire(OUTSTANDING);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        try (InputStream request = exchange.getRequestBody()) {
            request.readAllBytes();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
