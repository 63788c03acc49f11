package io.invoq.adapter.jetstream;

import io.invoq.domain.Redaction;
import io.invoq.ports.out.BrokerConnectionEvents;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs what happens to the NATS connection, once per change, and reports reconnections. */
final class ConnectionEvents implements ConnectionListener, ErrorListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionEvents.class);

    private final AtomicBoolean up = new AtomicBoolean();
    private final BrokerConnectionEvents listener;

    ConnectionEvents(BrokerConnectionEvents listener) {
        this.listener = listener;
    }

    @Override
    @SuppressWarnings("deprecation") // still abstract in jnats; it calls the overload below
    public void connectionEvent(Connection connection, Events event) {
        connectionEvent(connection, event, null, null);
    }

    @Override
    public void connectionEvent(Connection connection, Events event, Long time, String uriDetails) {
        switch (event) {
            case CONNECTED -> {
                up.set(true);
                LOG.info("connected to NATS at {}", Redaction.text(connection.getConnectedUrl()));
            }
            case RECONNECTED -> {
                up.set(true);
                LOG.info("reconnected to NATS at {}", Redaction.text(connection.getConnectedUrl()));
                listener.reconnected();
            }
            // jnats reports every failed reconnection attempt as another disconnection
            case DISCONNECTED -> {
                if (up.getAndSet(false)) {
                    LOG.warn("disconnected from NATS; reconnecting");
                }
            }
            case CLOSED -> {
                up.set(false);
                LOG.info("NATS connection closed");
            }
            default -> LOG.debug("NATS connection event {}", event);
        }
    }

    @Override
    public void errorOccurred(Connection connection, String error) {
        LOG.warn("NATS reported an error: {}", Redaction.text(error));
    }

    @Override
    public void exceptionOccurred(Connection connection, Exception exception) {
        LOG.debug("NATS connection problem: {}", Redaction.text(exception.toString()));
    }
}
