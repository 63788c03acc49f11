package io.invoq.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The function under test and the callback sink in one loopback HTTP server: every invocation and
 * every callback is recorded by call id with the time it came. A call whose body is {@code slow}
 * runs for {@link #SLOW_CALL_MILLIS}, long enough for its worker to be killed while it runs.
 */
final class Recorder implements AutoCloseable {

    static final long SLOW_CALL_MILLIS = 8_000;

    private final HttpServer server;
    private final Map<String, List<Long>> invocations = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> callbacks = new ConcurrentHashMap<>();

    Recorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress(Loopback.HOST, 0), 1024);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "recorder");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/function", exchange -> record(exchange, invocations, true));
        server.createContext("/callback", exchange -> record(exchange, callbacks, false));
        server.start();
    }

    String url(String path) {
        return "http://" + Loopback.HOST + ":" + server.getAddress().getPort() + path;
    }

    Map<String, List<Long>> invocations() {
        return invocations;
    }

    Map<String, List<Long>> callbacks() {
        return callbacks;
    }

    private static void record(HttpExchange exchange, Map<String, List<Long>> into, boolean function) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String callId = exchange.getRequestHeaders().getFirst("X-Call-Id");
            if (callId != null && callId.startsWith(Submitter.CALL_ID_PREFIX)) {
                into.computeIfAbsent(callId, id -> new CopyOnWriteArrayList<>()).add(System.currentTimeMillis());
            }
            if (function && "slow".equals(new String(body))) {
                Thread.sleep(SLOW_CALL_MILLIS);
            }
            exchange.sendResponseHeaders(200, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
