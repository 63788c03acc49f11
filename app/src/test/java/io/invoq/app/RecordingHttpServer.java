package io.invoq.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on a free loopback port that records every request and answers with what
 * the test scripts: a function to invoke, or a callback receiver.
 */
final class RecordingHttpServer implements AutoCloseable {

    record Request(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }

        String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    record Response(int status, Map<String, String> headers, byte[] body) {
        static Response ok(String body, String... headerNamesAndValues) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (int i = 0; i < headerNamesAndValues.length; i += 2) {
                headers.put(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
            }
            return new Response(200, headers, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static Response status(int status) {
            return new Response(status, Map.of(), new byte[0]);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    RecordingHttpServer(Function<Request, Response> answer) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                    Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Response response = answer.apply(request);
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
            exchange.close();
        });
        server.start();
    }

    static RecordingHttpServer answering(Response response) {
        return new RecordingHttpServer(request -> response);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
