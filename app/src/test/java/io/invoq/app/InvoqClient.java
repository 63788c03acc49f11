package io.invoq.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Talks to a running invoq over real loopback HTTP, as a user's curl would. */
final class InvoqClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    InvoqClient(int port) {
        this.port = port;
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> registerFunction(String name, String url) {
        return send("POST", "/system/functions", "{\"name\":\"" + name + "\",\"url\":\"" + url + "\"}",
                "Content-Type", "application/json");
    }
}
