package io.invoq.adapter.http;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The one HTTP/1.1 client the function invoker and the callback sender share (Jetty's, which the gateway's server
 * already brings). It passes requests and responses on as they are: no redirects followed, no cookies kept, no
 * authentication challenges answered, no content decoded, no content type made up.
 */
final class OutboundClient implements OutboundConnections {

    static final String THREAD_NAME = "invoq-outbound";

    /**
     * invoq bounds its exchanges itself ({@code max_inflight}, the proxy's in-flight limit): the client neither
     * queues nor refuses one for lack of a connection, as one HTTP/1.1 connection carries one exchange at a time.
     */
    private static final int UNBOUNDED = Integer.MAX_VALUE;
    /** Shorter than the usual server-side idle timeouts, so that a pooled connection is rarely closed under a request. */
    private static final Duration IDLE_CONNECTION = Duration.ofSeconds(20);

    private final HttpClient client = new HttpClient();

    OutboundClient(ClientSettings settings) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName(THREAD_NAME);
        threads.setDaemon(true);
        client.setExecutor(threads);
        client.setScheduler(new ScheduledExecutorScheduler(THREAD_NAME + "-timer", true));
        client.setConnectTimeout(settings.connectTimeout().toMillis());
        client.setIdleTimeout(IDLE_CONNECTION.toMillis());
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setDefaultRequestContentType(null);
        client.setMaxConnectionsPerDestination(UNBOUNDED);
        client.setMaxRequestsQueuedPerDestination(UNBOUNDED);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the outbound HTTP client did not start", e);
        }
        // filled in by start(): redirects, 401/407 challenges, 100-continue and the like are the caller's business
        client.getProtocolHandlers().clear();
        client.getContentDecoderFactories().clear();
    }

    /** @throws IllegalArgumentException when the URI has no host */
    Request newRequest(URI uri) {
        return client.newRequest(uri);
    }

    /** A request body with no content type of its own: the request's {@code Content-Type} header, if any, says. */
    static Request.Content body(byte[] bytes) {
        return new BytesRequestContent((String) null, bytes);
    }

    /**
     * Sends the request within a deadline covering the whole exchange, response body included; past it the
     * exchange fails with a {@link java.util.concurrent.TimeoutException}. Cancelling the returned future aborts
     * the request. What is chained to it runs off the client's threads, which only move bytes.
     */
    CompletableFuture<ContentResponse> send(Request request, Duration deadline) {
        CompletableFuture<ContentResponse> exchange = new CompletableResponseListener(
                request.timeout(Math.max(1, deadline.toMillis()), TimeUnit.MILLISECONDS), Integer.MAX_VALUE).send();
        CompletableFuture<ContentResponse> handedOver = exchange.whenCompleteAsync((response, failure) -> {
        }, ForkJoinPool.commonPool());
        handedOver.whenComplete((response, failure) -> exchange.cancel(true));
        return handedOver;
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the outbound HTTP client did not stop", e);
        }
    }
}
