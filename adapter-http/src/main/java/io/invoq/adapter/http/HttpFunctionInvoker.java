package io.invoq.adapter.http;

import io.invoq.domain.EpochNanos;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.ports.out.FunctionInvoker;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** Replays an invocation's request against the function over HTTP. */
final class HttpFunctionInvoker implements FunctionInvoker {

    private final HttpClient client;
    private final OutboundRules destinations;

    HttpFunctionInvoker(HttpClient client, OutboundRules destinations) {
        this.client = Objects.requireNonNull(client, "client");
        this.destinations = Objects.requireNonNull(destinations, "destinations");
    }

    @Override
    public CompletableFuture<InvocationResult> invoke(FunctionDefinition function, Invocation invocation, Duration timeout) {
        long started = System.nanoTime();
        HttpRequest request;
        try {
            request = request(function, invocation);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(InvocationResult.unreachable(Duration.ZERO, e.toString()));
        }
        Optional<String> refusal = destinations.refusalWhenConnecting(request.uri());
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(InvocationResult.unreachable(
                    Duration.ofNanos(System.nanoTime() - started), "refused: " + refusal.get()));
        }
        CompletableFuture<HttpResponse<byte[]>> exchange =
                TimeBoundExchange.send(client, request, BodyHandlers.ofByteArray(), timeout);
        CompletableFuture<InvocationResult> result = exchange.handle((response, failure) -> {
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            return failure == null
                    ? new InvocationResult(response.statusCode(), new Headers(response.headers().map()), response.body(), duration)
                    : failed(unwrapped(failure), duration);
        });
        result.whenComplete((ignored, failure) -> exchange.cancel(true));
        return result;
    }

    private static HttpRequest request(FunctionDefinition function, Invocation invocation) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        InvocationUri.of(function.url(), invocation.path(), invocation.query()))
                .method(invocation.method(), BodyPublishers.ofByteArray(invocation.body()));
        Headers headers = invocation.headers().with(Map.of(
                SubmissionHeaders.CALL_ID, invocation.callId().value(),
                SubmissionHeaders.START_TIME, Long.toString(EpochNanos.of(invocation.enqueuedAt()))));
        return OutgoingHeaders.copy(headers, request).setHeader(HopCount.HEADER, HopCount.next(headers)).build();
    }

    private static InvocationResult failed(Throwable failure, Duration duration) {
        return failure instanceof TimeoutException
                ? InvocationResult.timedOut(duration)
                : InvocationResult.unreachable(duration, failure.toString());
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
