package io.invoq.adapter.http;

import io.invoq.domain.EpochNanos;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.ports.out.FunctionInvoker;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.Request;

/** Replays an invocation's request against the function over HTTP. */
final class HttpFunctionInvoker implements FunctionInvoker {

    private final OutboundClient client;
    private final OutboundRules destinations;

    HttpFunctionInvoker(OutboundClient client, OutboundRules destinations) {
        this.client = Objects.requireNonNull(client, "client");
        this.destinations = Objects.requireNonNull(destinations, "destinations");
    }

    @Override
    public CompletableFuture<InvocationResult> invoke(FunctionDefinition function, Invocation invocation, Duration timeout) {
        long started = System.nanoTime();
        URI uri;
        Request request;
        try {
            uri = InvocationUri.of(function.url(), invocation.path(), invocation.query());
            request = request(uri, invocation);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(InvocationResult.unreachable(Duration.ZERO, e.toString()));
        }
        Optional<String> refusal = destinations.refusalWhenConnecting(uri);
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(InvocationResult.unreachable(
                    Duration.ofNanos(System.nanoTime() - started), "refused: " + refusal.get()));
        }
        CompletableFuture<ContentResponse> exchange = client.send(request, timeout);
        CompletableFuture<InvocationResult> result = exchange.handle((response, failure) -> {
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            return failure == null
                    ? new InvocationResult(response.getStatus(), OutgoingHeaders.received(response.getHeaders()),
                            response.getContent(), duration)
                    : failed(unwrapped(failure), duration);
        });
        result.whenComplete((ignored, failure) -> exchange.cancel(true));
        return result;
    }

    private Request request(URI uri, Invocation invocation) {
        Headers headers = invocation.headers().with(Map.of(
                SubmissionHeaders.CALL_ID, invocation.callId().value(),
                SubmissionHeaders.START_TIME, Long.toString(EpochNanos.of(invocation.enqueuedAt()))));
        Request request = client.newRequest(uri).method(invocation.method())
                .body(OutboundClient.body(invocation.body()));
        return OutgoingHeaders.copy(headers, request)
                .headers(fields -> fields.put(HopCount.HEADER, HopCount.next(headers)));
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
