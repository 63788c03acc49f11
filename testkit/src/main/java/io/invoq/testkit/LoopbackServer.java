package io.invoq.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.invoq.ports.out.TimeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The test's side of the wire, on one loopback HTTP server: the in-process functions under
 * {@code /functions/<name>} and the callback sink under {@code /callbacks}. Every request is recorded.
 */
final class LoopbackServer implements AutoCloseable {

    private static final String FUNCTIONS = "/functions/";
    private static final String CALLBACKS = "/callbacks";

    private final HttpServer server;
    private final ExecutorService threads;
    private final TimeSource time;
    private final Map<String, InProcessFunction> functions = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<FunctionRequest> requests = new ArrayList<>();
    private final List<Callback> callbacks = new ArrayList<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private volatile int callbackStatus = 204;

    LoopbackServer(TimeSource time) {
        this.time = time;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "invoq-testkit-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext(FUNCTIONS, this::invoke);
        server.createContext(CALLBACKS, this::receiveCallback);
        server.start();
    }

    URI functionUrl(String name) {
        return url(FUNCTIONS + name);
    }

    URI callbackUrl() {
        return url(CALLBACKS);
    }

    void serve(String name, InProcessFunction function) {
        functions.put(name, function);
    }

    void answerCallbacksWith(int status) {
        callbackStatus = status;
    }

    List<FunctionRequest> requests() {
        return locked(() -> List.copyOf(requests));
    }

    List<FunctionRequest> requests(String function) {
        return locked(() -> requests.stream().filter(request -> request.function().equals(function)).toList());
    }

    List<Callback> callbacks() {
        return locked(() -> List.copyOf(callbacks));
    }

    Optional<Callback> callback(String callId) {
        return locked(() -> callbacks.stream().filter(callback -> callId.equals(callback.callId()))
                .reduce((earlier, later) -> later));
    }

    /** Waits up to {@code nanos} of real time for a callback of {@code callId}; the latest when several came. */
    Optional<Callback> awaitCallback(String callId, long nanos) throws InterruptedException {
        lock.lock();
        try {
            Optional<Callback> received = callback(callId);
            while (received.isEmpty() && nanos > 0) {
                nanos = arrived.awaitNanos(nanos);
                received = callback(callId);
            }
            return received;
        } finally {
            lock.unlock();
        }
    }

    private void invoke(HttpExchange exchange) throws IOException {
        String rest = exchange.getRequestURI().getRawPath().substring(FUNCTIONS.length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        InProcessFunction function = functions.get(name);
        if (function == null) {
            respond(exchange, FunctionResponse.status(404, "no in-process function " + name));
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String callId = exchange.getRequestHeaders().getFirst("X-Call-Id");
        FunctionRequest request = locked(() -> {
            int attempt = attempts.merge(name + '\n' + callId, 1, Integer::sum);
            FunctionRequest received = new FunctionRequest(name, exchange.getRequestMethod(),
                    slash < 0 ? "/" : rest.substring(slash), Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""),
                    exchange.getRequestHeaders(), body, attempt, time.now());
            requests.add(received);
            return received;
        });
        FunctionResponse response;
        try {
            response = function.handle(request);
        } catch (Exception e) {
            response = FunctionResponse.status(500, "in-process function " + name + " threw " + e);
        }
        respond(exchange, response);
    }

    private void receiveCallback(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String status = exchange.getRequestHeaders().getFirst("X-Function-Status");
        Callback callback = new Callback(exchange.getRequestHeaders().getFirst("X-Call-Id"),
                status == null ? 0 : Integer.parseInt(status),
                exchange.getRequestURI().getRawPath().substring(CALLBACKS.length()),
                exchange.getRequestHeaders(), body, time.now());
        int answer = callbackStatus;
        if (answer < 300) {
            locked(() -> {
                callbacks.add(callback);
                arrived.signalAll();
                return null;
            });
        }
        respond(exchange, FunctionResponse.status(answer));
    }

    private static void respond(HttpExchange exchange, FunctionResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private <T> T locked(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
