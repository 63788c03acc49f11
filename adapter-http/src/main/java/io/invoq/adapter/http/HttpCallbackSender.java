package io.invoq.adapter.http;

import io.invoq.domain.Headers;
import io.invoq.ports.out.Callback;
import io.invoq.ports.out.CallbackSender;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpMethod;

/** POSTs a call's result to its callback URL. */
final class HttpCallbackSender implements CallbackSender {

    private final OutboundClient client;
    private final Duration timeout;
    private final OutboundRules destinations;
    private final CallbackSigner signer;

    HttpCallbackSender(OutboundClient client, Duration timeout, OutboundRules destinations, CallbackSigner signer) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.destinations = Objects.requireNonNull(destinations, "destinations");
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    @Override
    public CompletableFuture<Integer> send(Callback callback) {
        Request request;
        try {
            request = OutgoingHeaders.copy(callback.headers(), client.newRequest(callback.url()))
                    .method(HttpMethod.POST)
                    .body(OutboundClient.body(callback.body()))
                    .headers(fields -> fields.put(HopCount.HEADER, HopCount.next(callback.callHeaders())));
            signer.sign(request, webhookId(callback), Instant.now().getEpochSecond(), callback.body());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        Optional<String> refusal = destinations.refusalWhenConnecting(callback.url());
        if (refusal.isPresent()) {
            return CompletableFuture.failedFuture(new ConnectException("refused: " + refusal.get()));
        }
        return client.send(request, timeout).thenApply(ContentResponse::getStatus);
    }

    /** The same for every retry of a callback, and another for the callback of a replayed call. */
    private static String webhookId(Callback callback) {
        Headers headers = callback.headers();
        return headers.first(SubmissionHeaders.CALL_ID).orElse("call")
                + headers.first(SubmissionHeaders.START_TIME).map(start -> "_" + start).orElse("");
    }
}
