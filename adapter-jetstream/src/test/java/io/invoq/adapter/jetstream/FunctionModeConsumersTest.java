package io.invoq.adapter.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.invoq.domain.FunctionName;
import io.invoq.domain.QueueName;
import io.invoq.domain.ScalingMode;
import io.invoq.ports.out.Delivery;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.ScalingModeConflictException;
import io.invoq.ports.out.TimeSource;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JetStream objects of function mode: a consumer per function, made on demand and removed when idle. */
class FunctionModeConsumersTest {

    private static final QueueSettings SETTINGS = new QueueSettings(Duration.ofSeconds(30), 50, Duration.ofMinutes(2));
    private static final Duration INACTIVE_THRESHOLD = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static NatsServerProcess server;
    private static Connection operator;
    private static JetStreamManagement management;
    private static JetStreamInvocationQueue broker;

    @BeforeAll
    static void startServer() {
        server = NatsServerProcess.start();
        operator = TestBrokers.operator(server);
        management = TestBrokers.management(operator);
        JetStreamSettings settings = JetStreamSettings.builder().urls(server.url())
                .consumerInactiveThreshold(INACTIVE_THRESHOLD).build();
        broker = new JetStreamInvocationQueue(TestBrokers.connect(settings), settings, SETTINGS, TimeSource.SYSTEM);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        broker.close();
        operator.close();
        server.close();
    }

    @Test
    void a_functions_calls_are_taken_by_a_consumer_of_its_own_bounded_by_its_concurrency() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();
        broker.useScalingMode(queue, ScalingMode.FUNCTION);
        for (int i = 0; i < 3; i++) {
            broker.publish(TestCalls.call(queue, "echo.openfaas-fn"));
        }
        FunctionName function = new FunctionName("echo.openfaas-fn");

        assertThat(broker.functionsWithCalls(queue, Duration.ofSeconds(5))).containsExactly(function);
        List<Delivery> deliveries = broker.fetch(queue, function, 3, 2);

        assertThat(deliveries).hasSize(2);
        String durable = queue + "-workers-fn-echo=2Eopenfaas-fn";
        ConsumerConfiguration consumer = management.getConsumerInfo("OF_" + queue, durable).getConsumerConfiguration();
        assertThat(consumer.getFilterSubject()).isEqualTo(queue + ".echo.openfaas-fn");
        assertThat(consumer.getMaxAckPending()).isEqualTo(2);
        assertThat(management.getConsumerNames("OF_" + queue)).doesNotContain(queue + "-workers");
        assertThat(broker.stats(queue).inFlight()).isEqualTo(2);

        deliveries.get(0).ack();
        assertThat(broker.fetch(queue, function, 3, 3)).hasSize(1);
        assertThat(management.getConsumerInfo("OF_" + queue, durable).getConsumerConfiguration().getMaxAckPending())
                .isEqualTo(3);
    }

    @Test
    void a_consumer_is_removed_once_its_function_has_had_nothing_pending_for_the_inactive_threshold() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();
        broker.useScalingMode(queue, ScalingMode.FUNCTION);
        broker.publish(TestCalls.call(queue, "resize"));
        FunctionName function = new FunctionName("resize");
        broker.functionsWithCalls(queue, Duration.ofSeconds(5));
        List<Delivery> deliveries = broker.fetch(queue, function, 1, 0);
        String durable = queue + "-workers-fn-resize";

        // kept while its call runs, however long
        long runningUntil = System.nanoTime() + INACTIVE_THRESHOLD.multipliedBy(2).toNanos();
        while (System.nanoTime() < runningUntil) {
            broker.functionsWithCalls(queue, Duration.ofMillis(100));
        }
        assertThat(consumerExists(queue, durable)).isTrue();

        deliveries.get(0).ack();
        await().atMost(PATIENCE).until(() -> {
            broker.functionsWithCalls(queue, Duration.ofMillis(100));
            return !consumerExists(queue, durable);
        });

        broker.publish(TestCalls.call(queue, "resize"));
        assertThat(broker.functionsWithCalls(queue, Duration.ofSeconds(5))).containsExactly(function);
        assertThat(broker.fetch(queue, function, 1, 0)).hasSize(1);
    }

    @Test
    void function_mode_is_refused_on_a_queue_of_static_mode() {
        QueueName queue = TestCalls.uniqueQueue();
        broker.useScalingMode(queue, ScalingMode.STATIC);

        assertThatThrownBy(() -> broker.useScalingMode(queue, ScalingMode.FUNCTION))
                .isInstanceOf(ScalingModeConflictException.class)
                .hasMessageContaining("scaling_mode=static")
                .hasMessageContaining(queue + ".scaling_mode");
    }

    @Test
    void function_mode_is_refused_while_the_static_consumer_exists() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();
        broker.publish(TestCalls.call(queue, "resize"));
        broker.fetch(queue, 1, Duration.ZERO);

        assertThatThrownBy(() -> broker.useScalingMode(queue, ScalingMode.FUNCTION))
                .isInstanceOf(ScalingModeConflictException.class)
                .hasMessageContaining(queue + "-workers");
    }

    @Test
    void a_publish_makes_no_consumer_of_the_queues_stream() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();

        broker.publish(TestCalls.call(queue, "resize"));

        assertThat(management.getConsumerNames("OF_" + queue)).isEmpty();
    }

    @Test
    void retries_of_function_mode_wait_in_the_delayed_stream_and_come_back_to_the_functions_consumer() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();
        broker.useScalingMode(queue, ScalingMode.FUNCTION);
        broker.publish(TestCalls.call(queue, "resize"));
        FunctionName function = new FunctionName("resize");
        broker.functionsWithCalls(queue, Duration.ofSeconds(5));
        broker.fetch(queue, function, 1, 1).get(0).retryAfter(Duration.ofMillis(300));

        await().atMost(PATIENCE).until(() -> broker.functionsWithCalls(queue, Duration.ofMillis(500)).contains(function));
        List<Delivery> again = broker.fetch(queue, function, 1, 1);
        assertThat(again).hasSize(1);
        assertThat(again.get(0).deliveryCount()).isEqualTo(2);
    }

    @Test
    void a_purge_in_function_mode_leaves_the_calls_in_flight_alone() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();
        broker.useScalingMode(queue, ScalingMode.FUNCTION);
        for (int i = 0; i < 3; i++) {
            broker.publish(TestCalls.call(queue, "resize"));
        }
        broker.publish(TestCalls.call(queue, "crop"));
        broker.publish(TestCalls.call(queue, "crop"));
        broker.functionsWithCalls(queue, Duration.ofSeconds(5));
        List<Delivery> running = broker.fetch(queue, new FunctionName("resize"), 1, 0);

        assertThat(broker.purge(queue)).isEqualTo(4);

        assertThat(broker.stats(queue).pending()).isEqualTo(1);
        assertThat(broker.stats(queue).inFlight()).isEqualTo(1);
        running.get(0).ack();
        await().atMost(PATIENCE).until(() -> broker.stats(queue).pending() == 0);
    }

    private static boolean consumerExists(QueueName queue, String durable) throws IOException, JetStreamApiException {
        return management.getConsumerNames("OF_" + queue).contains(durable);
    }
}
