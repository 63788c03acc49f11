package io.invoq.bench;

import java.net.URI;
import java.util.Map;

/** The raw HTTP baseline's server: answers every submission 202 at once, as the gateway would at best. */
final class NoOpServer implements AutoCloseable {

    private static final String PATH = "/async-function/noop";

    private final LoopbackHttpServer server = LoopbackHttpServer.start("no-op-server",
            Map.of(PATH, (request, exchange) -> exchange.answer(202)));

    URI uri() {
        return server.uri(PATH);
    }

    @Override
    public void close() {
        server.close();
    }
}
