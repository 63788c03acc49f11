package io.invoq.adapter.http;

import java.util.List;

/** The HTTP front door: submissions, function registry and health, plus any contributed {@link GatewayRoutes}. */
public interface HttpGateway extends AutoCloseable {

    /** Starts listening; returns once the port is bound. */
    void start();

    /** The port listened on; the one picked when the settings asked for port 0. Valid after {@link #start()}. */
    int port();

    /** Every endpoint served, as {@code <METHOD> <path template>}, e.g. {@code POST /async-function/{name}}. */
    List<String> endpoints();

    /** Stops listening. */
    @Override
    void close();
}
