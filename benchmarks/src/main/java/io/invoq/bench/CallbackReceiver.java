package io.invoq.bench;

import java.net.URI;
import java.util.Map;

/** Receives invoq's callbacks and counts them per call id. */
final class CallbackReceiver implements AutoCloseable {

    private static final String PATH = "/callback";

    private final LoopbackHttpServer server;

    CallbackReceiver(CallLedgers ledgers) {
        this.server = LoopbackHttpServer.start("callback-receiver", Map.of(PATH, (request, exchange) -> {
            ledgers.calledBack(request.header("x-call-id"), "200".equals(request.header("x-function-status")));
            exchange.answer(200);
        }));
    }

    URI uri() {
        return server.uri(PATH);
    }

    @Override
    public void close() {
        server.close();
    }
}
