package io.invoq.adapter.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.BrokerConnectionEvents;
import io.invoq.ports.out.Delivery;
import io.invoq.ports.out.QueueUnavailableException;
import io.invoq.ports.out.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrokerOutageTest {

    private static final Duration PROMPTLY = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private NatsServerProcess server;
    private JetStreamConnection connection;
    private JetStreamInvocationQueue broker;
    private final QueueName queue = TestCalls.uniqueQueue();
    private final AtomicInteger reconnects = new AtomicInteger();

    @BeforeEach
    void startServer() {
        server = NatsServerProcess.start();
    }

    @AfterEach
    void stopServer() {
        if (broker != null) {
            broker.close();
        }
        server.close();
    }

    @Test
    void whileTheServerIsDownCallsAreRefusedPromptlyAndAfterItsReturnTheSameBrokerWorksAgain() throws Exception {
        openBroker();
        // a worker has made the queue's consumer
        assertThat(broker.fetch(queue, 1, Duration.ZERO)).isEmpty();
        Invocation before = TestCalls.call(queue, "figlet");
        broker.publish(before);

        server.stop();

        await().atMost(PATIENCE).until(() -> !broker.isAvailable());
        long start = System.nanoTime();
        assertThatThrownBy(() -> broker.publish(TestCalls.call(queue, "figlet"))).isInstanceOf(QueueUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
        assertThatThrownBy(() -> broker.fetch(queue, 1, Duration.ofSeconds(1))).isInstanceOf(QueueUnavailableException.class);

        server.restart();

        await().atMost(PATIENCE).until(broker::isAvailable);
        Invocation after = TestCalls.call(queue, "figlet");
        broker.publish(after);
        assertThat(broker.fetch(queue, 5, Duration.ofSeconds(5))).extracting(Delivery::invocation).containsExactly(before, after);
        assertThat(reconnects).hasValue(1);
    }

    @Test
    void callsAcceptedBeforeACrashAreDeliveredAfterTheRestartIncludingOnesThatWereInFlight() throws Exception {
        openBroker();
        Invocation inFlight = TestCalls.call(queue, "figlet");
        Invocation waiting = TestCalls.call(queue, "figlet");
        broker.publish(inFlight);
        broker.publish(waiting);
        assertThat(broker.fetch(queue, 1, Duration.ofSeconds(5))).hasSize(1);

        server.kill();
        server.restart();

        await().atMost(PATIENCE).until(broker::isAvailable);
        List<Invocation> delivered = await().atMost(PATIENCE)
                .until(() -> broker.fetch(queue, 5, Duration.ofMillis(500)).stream().map(Delivery::invocation).toList(),
                        invocations -> invocations.contains(inFlight));
        assertThat(delivered).contains(inFlight);
    }

    @Test
    void aBrokerCreatedWhileTheServerIsDownConnectsOnceTheServerIsUp() {
        server.stop();
        openBroker();

        assertThat(broker.isAvailable()).isFalse();
        assertThatThrownBy(() -> broker.publish(TestCalls.call(queue, "figlet"))).isInstanceOf(QueueUnavailableException.class);

        server.restart();

        await().atMost(PATIENCE).until(broker::isAvailable);
        assertThat(broker.publish(TestCalls.call(queue, "figlet")).duplicate()).isFalse();
    }

    @Test
    void theFunctionRegistryIsUnavailableWhileTheServerIsDown() {
        openBroker();
        KeyValueFunctionRegistry registry = new KeyValueFunctionRegistry(connection, TestBrokers.settings(server));

        server.stop();

        await().atMost(PATIENCE).until(() -> !connection.isConnected());
        assertThatThrownBy(() -> registry.find(new FunctionName("figlet"))).isInstanceOf(QueueUnavailableException.class);
    }

    private void openBroker() {
        JetStreamSettings settings = TestBrokers.settings(server);
        connection = JetStreamConnection.open(settings, new BrokerConnectionEvents() {
            @Override
            public void reconnected() {
                reconnects.incrementAndGet();
            }
        });
        broker = new JetStreamInvocationQueue(connection, settings, TestBrokers.QUICK_LEASES, TimeSource.SYSTEM);
    }
}
