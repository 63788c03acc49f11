package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.app.RecordingHttpServer.Request;
import io.invoq.app.RecordingHttpServer.Response;

/**
 * A function and a callback receiver scripted so that one call of each kind can be made: one that
 * succeeds, one retried once after a 500, one that fails with a 400, one whose callback is refused.
 */
final class CallMix implements AutoCloseable {

    static final String FUNCTION = "mix";
    /** Retries after 10 ms, so that the retried call finishes at once. */
    static final String[] QUICK_RETRIES = {"--initial-retry-wait=10ms", "--max-retry-wait=10ms"};
    static final int CALLS = 4;

    private static final String SUCCEEDS = "succeeds";
    private static final String RETRIED_ONCE = "retried once";
    private static final String FAILS = "fails";
    private static final String CALLBACK_REFUSED = "callback refused";

    private final RecordingHttpServer function = new RecordingHttpServer(this::answer);
    private final RecordingHttpServer callbacks = new RecordingHttpServer(request ->
            Response.status(request.uri().getPath().equals("/refused") ? 400 : 204));

    void register(InvoqClient client) {
        assertThat(client.registerFunction(FUNCTION, function.url("/")).statusCode()).isEqualTo(201);
    }

    /** Submits {@value #CALLS} calls, one of each kind; their callbacks arrive later. */
    void submitOneOfEach(InvoqClient client) {
        submit(client, SUCCEEDS, "/done");
        submit(client, RETRIED_ONCE, "/done");
        submit(client, FAILS, "/done");
        submit(client, CALLBACK_REFUSED, "/refused");
    }

    int callbacksReceived() {
        return callbacks.requests().size();
    }

    @Override
    public void close() {
        function.close();
        callbacks.close();
    }

    private void submit(InvoqClient client, String body, String callbackPath) {
        assertThat(client.send("POST", "/async-function/" + FUNCTION, body, "X-Callback-Url", callbacks.url(callbackPath))
                .statusCode()).isEqualTo(202);
    }

    private Response answer(Request request) {
        return switch (request.bodyText()) {
            case RETRIED_ONCE -> Response.status(timesInvoked(RETRIED_ONCE) == 1 ? 500 : 200);
            case FAILS -> Response.status(400);
            default -> Response.ok("done");
        };
    }

    private long timesInvoked(String body) {
        return function.requests().stream().filter(request -> request.bodyText().equals(body)).count();
    }
}
