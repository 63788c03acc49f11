package io.invoq.adapter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.invoq.domain.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on a free loopback port standing in for a function or a callback receiver. */
final class StubHttpServer implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String method, String path, String query, Headers headers, byte[] body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile Headers replyHeaders = Headers.EMPTY;
    private volatile byte[] replyBody = new byte[0];
    private volatile Stall stall = Stall.NONE;

    private enum Stall { NONE, BEFORE_HEADERS, BEFORE_BODY }

    StubHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The server's address followed by {@code path}. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    void replyWith(int status, Headers headers, byte[] body) {
        this.status = status;
        this.replyHeaders = headers;
        this.replyBody = body;
    }

    /** Receives requests but answers none until closed. */
    void stallBeforeHeaders() {
        stall = Stall.BEFORE_HEADERS;
    }

    /** Answers with the status and headers at once, but sends no body until closed. */
    void stallBeforeBody() {
        stall = Stall.BEFORE_BODY;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            received.add(new Received(exchange.getRequestMethod(), uri.getRawPath(),
                    uri.getRawQuery() == null ? "" : uri.getRawQuery(),
                    new Headers(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            if (stall == Stall.BEFORE_HEADERS) {
                released.await();
            }
            replyHeaders.values().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
            if (stall == Stall.BEFORE_BODY) {
                exchange.sendResponseHeaders(status, 0);
                exchange.getResponseBody().flush();
                released.await();
            } else {
                exchange.sendResponseHeaders(status, replyBody.length == 0 ? -1 : replyBody.length);
            }
            exchange.getResponseBody().write(replyBody);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
