package io.invoq.adapter.http;

/** The connections invoq calls functions and callback receivers over; closing them aborts the exchanges still running. */
public interface OutboundConnections extends AutoCloseable {

    @Override
    void close();
}
