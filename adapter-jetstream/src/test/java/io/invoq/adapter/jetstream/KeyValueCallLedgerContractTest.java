package io.invoq.adapter.jetstream;

import io.invoq.ports.contract.CallLedgerContract;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.CallLedgerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The ledger contract on a real nats-server in real time; each test has a bucket, each ledger a connection of its own. */
class KeyValueCallLedgerContractTest extends CallLedgerContract {

    private static NatsServerProcess server;

    private final JetStreamSettings settings = JetStreamSettings.builder()
            .urls(server.url())
            .callsBucket("calls_" + UUID.randomUUID())
            .build();
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
    protected CallLedger newLedger(CallLedgerSettings ledgerSettings) {
        JetStreamConnection connection = TestBrokers.connect(settings);
        connections.add(connection);
        return new KeyValueCallLedger(connection, settings, ledgerSettings);
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
