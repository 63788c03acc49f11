package io.invoq.adapter.http;

import io.invoq.domain.Headers;
import io.invoq.ports.out.Callback;
import io.invoq.ports.out.CallbackSender;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** POSTs a call's result to its callback URL. */
final class HttpCallbackSender implements CallbackSender {

    private final HttpClient client;
    private final Duration timeout;
    private final OutboundRules destinations;
    private final CallbackSigner signer;

    HttpCallbackSender(HttpClient client, Duration timeout, OutboundRules destinations, CallbackSigner signer) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.destinations = Objects.requireNonNull(destinations, "destinations");
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    @Override
    public CompletableFuture<Integer> send(Callback callback) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = OutgoingHeaders.copy(callback.headers(), HttpRequest.newBuilder(callback.url()))
                    .setHeader(HopCount.HEADER, HopCount.next(callback.callHeaders()))
                    .POST(BodyPublishers.ofByteArray(callback.body()));
            request = signer.sign(builder, webhookId(callback), Instant.now().getEpochSecond(), callback.body()).build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        Optional<String> refusal = destinations.refusalWhenConnecting(request.uri());
        if (refusal.isPresent()) {
            return CompletableFuture.failedFuture(new ConnectException("refused: " + refusal.get()));
        }
        return TimeBoundExchange.send(client, request, BodyHandlers.discarding(), timeout)
                .thenApply(HttpResponse::statusCode);
    }

    /** The same for every retry of a callback, and another for the callback of a replayed call. */
    private static String webhookId(Callback callback) {
        Headers headers = callback.headers();
        return headers.first(SubmissionHeaders.CALL_ID).orElse("call")
                + headers.first(SubmissionHeaders.START_TIME).map(start -> "_" + start).orElse("");
    }
}
