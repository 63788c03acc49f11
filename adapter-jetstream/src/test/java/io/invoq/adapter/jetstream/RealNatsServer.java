package io.invoq.adapter.jetstream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real nats-server for the tests of one class, started before the first and stopped after the
 * last; the connections a test opens through it are closed after that test. Register it with
 * {@code @RegisterExtension static final RealNatsServer nats = new RealNatsServer();}.
 */
final class RealNatsServer implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final List<JetStreamConnection> connections = new CopyOnWriteArrayList<>();
    private NatsServerProcess server;

    NatsServerProcess server() {
        return server;
    }

    /** Settings reaching this server, with the default names. */
    JetStreamSettings settings() {
        return TestBrokers.settings(server);
    }

    /** A connection of its own, as another process's would be; closed after the test. */
    JetStreamConnection connect(JetStreamSettings settings) {
        JetStreamConnection connection = TestBrokers.connect(settings);
        connections.add(connection);
        return connection;
    }

    JetStreamConnection connect() {
        return connect(settings());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = NatsServerProcess.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        connections.forEach(JetStreamConnection::close);
        connections.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }
}
