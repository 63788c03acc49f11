package io.invoq.adapter.jetstream;

import io.invoq.domain.Redaction;
import io.invoq.ports.out.BrokerConnectionEvents;
import io.invoq.ports.out.QueueUnavailableException;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.KeyValueOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one NATS connection of a process. Opening never waits for the broker: when it cannot be
 * reached, a background thread keeps trying, and jnats reconnects on its own once connected.
 */
final class JetStreamConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JetStreamConnection.class);

    private final JetStreamSettings settings;
    private final Options options;
    private final ConnectionEvents events;
    private final AtomicReference<Client> client = new AtomicReference<>();
    private volatile boolean closed;
    private volatile Thread connector;

    private JetStreamConnection(JetStreamSettings settings, Options options, ConnectionEvents events) {
        this.settings = settings;
        this.options = options;
        this.events = events;
    }

    static JetStreamConnection open(JetStreamSettings settings, BrokerConnectionEvents listener) {
        ConnectionEvents events = new ConnectionEvents(listener);
        JetStreamConnection connection =
                new JetStreamConnection(settings, NatsOptions.from(settings, events, events), events);
        try {
            connection.connect();
        } catch (IOException e) {
            LOG.warn("cannot connect to NATS at {} yet ({}); retrying in the background",
                    Redaction.text(settings.urls().toString()), Redaction.text(e.toString()));
            connection.keepConnectingInBackground();
        }
        return connection;
    }

    /** The connected client, or {@link QueueUnavailableException} when the broker cannot be reached now. */
    Client client() {
        Client current = client.get();
        if (!isConnected(current)) {
            throw new QueueUnavailableException("not connected to NATS at " + Redaction.text(settings.urls().toString()));
        }
        return current;
    }

    boolean isConnected() {
        return isConnected(client.get());
    }

    Duration requestTimeout() {
        return settings.requestTimeout();
    }

    @Override
    public void close() {
        closed = true;
        Thread background = connector;
        if (background != null) {
            background.interrupt();
        }
        Client current = client.getAndSet(null);
        if (current != null) {
            try {
                current.nats().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void connect() throws IOException {
        try {
            Connection nats = Nats.connect(options);
            JetStreamOptions jetStreamOptions = JetStreamOptions.builder().requestTimeout(settings.requestTimeout()).build();
            client.set(new Client(nats, nats.jetStream(jetStreamOptions), nats.jetStreamManagement(jetStreamOptions),
                    KeyValueOptions.builder().jetStreamOptions(jetStreamOptions).build()));
            if (closed) {
                close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting", e);
        }
    }

    private void keepConnectingInBackground() {
        Thread background = new Thread(() -> {
            ReconnectBackoff backoff = ReconnectBackoff.of(settings);
            for (long attempt = 1; !closed; attempt++) {
                try {
                    Thread.sleep(backoff.getWaitTime(attempt).toMillis());
                    connect();
                    return;
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    LOG.debug("NATS connection attempt {} failed: {}", attempt, e.toString());
                }
            }
        }, "invoq-nats-connect");
        background.setDaemon(true);
        connector = background;
        background.start();
    }

    private static boolean isConnected(Client client) {
        return client != null && client.nats().getStatus() == Connection.Status.CONNECTED;
    }

    /** What a connected process talks to JetStream with; valid across reconnections. */
    record Client(Connection nats, JetStream jetStream, JetStreamManagement management, KeyValueOptions keyValueOptions) {
    }
}
