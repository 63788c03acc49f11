package io.invoq.adapter.jetstream;

import io.invoq.ports.out.BrokerConnectionEvents;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.TimeSource;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Brokers and operator tools connected to a test server. */
final class TestBrokers {

    static final QueueSettings QUICK_LEASES = new QueueSettings(Duration.ofSeconds(1), 10, Duration.ofMinutes(2));

    private TestBrokers() {
    }

    static JetStreamSettings settings(NatsServerProcess server) {
        return JetStreamSettings.builder()
                .urls(server.url())
                .requestTimeout(Duration.ofSeconds(2))
                .reconnectWait(Duration.ofMillis(50), Duration.ofMillis(500))
                .build();
    }

    static JetStreamInvocationQueue broker(NatsServerProcess server, QueueSettings queueSettings) {
        JetStreamSettings settings = settings(server);
        return new JetStreamInvocationQueue(connect(settings), settings, queueSettings, TimeSource.SYSTEM);
    }

    /** A connection whose reconnections nobody listens to. */
    static JetStreamConnection connect(JetStreamSettings settings) {
        return JetStreamConnection.open(settings, BrokerConnectionEvents.NONE);
    }

    /** A plain jnats connection, as an operator's tool would have. */
    static Connection operator(NatsServerProcess server) {
        try {
            return Nats.connect(server.url());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JetStreamManagement management(Connection operator) {
        try {
            return operator.jetStreamManagement();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
