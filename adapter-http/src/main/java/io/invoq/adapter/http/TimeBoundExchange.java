package io.invoq.adapter.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP exchange bounded by a deadline covering the whole response, body included (the JDK's own
 * request timeout stops at the headers). Past the deadline it fails with a
 * {@link java.util.concurrent.TimeoutException}; once it is completed or cancelled, the request is aborted.
 */
final class TimeBoundExchange {

    private TimeBoundExchange() {
    }

    static <T> CompletableFuture<HttpResponse<T>> send(
            HttpClient client, HttpRequest request, BodyHandler<T> body, Duration deadline) {
        CompletableFuture<HttpResponse<T>> exchange = client.sendAsync(request, body);
        CompletableFuture<HttpResponse<T>> bounded = exchange.copy().orTimeout(deadline.toNanos(), TimeUnit.NANOSECONDS);
        bounded.whenComplete((response, failure) -> exchange.cancel(true));
        return bounded;
    }
}
