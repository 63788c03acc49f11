package io.invoq.adapter.http;

/** The HTTP front door: submissions, function registry and health, plus any contributed {@link GatewayRoutes}. */
public interface HttpGateway extends AutoCloseable {

    /** Starts listening; returns once the port is bound. */
    void start();

    /** The port listened on; the one picked when the settings asked for port 0. Valid after {@link #start()}. */
    int port();

    /** Stops listening. */
    @Override
    void close();
}
