package io.invoq.adapter.jetstream;

import io.invoq.ports.contract.DeadLettersContract;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.DeadLetters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The dead letters' contract on a real nats-server in real time; each store has a connection of its own. */
class JetStreamDeadLettersContractTest extends DeadLettersContract {

    private static NatsServerProcess server;

    private final List<JetStreamConnection> connections = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = NatsServerProcess.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void disconnect() {
        connections.forEach(JetStreamConnection::close);
    }

    @Override
    protected DeadLetters newDeadLetters(DeadLetterSettings deadLetterSettings) {
        JetStreamSettings settings = TestBrokers.settings(server);
        JetStreamConnection connection = TestBrokers.connect(settings);
        connections.add(connection);
        return new JetStreamDeadLetters(connection, settings, deadLetterSettings);
    }

    @Override
    protected void letTimePass(Duration duration) {
        // real time passes on its own
    }

    @Override
    protected Instant now() {
        return Instant.now();
    }
}
