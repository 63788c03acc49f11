package io.invoq.adapter.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoq.domain.QueueName;
import io.invoq.ports.out.QueueFullException;
import io.invoq.ports.out.QueueSettings;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StreamProvisioningTest {

    private static final QueueSettings SETTINGS = new QueueSettings(Duration.ofSeconds(42), 7, Duration.ofSeconds(90));

    private static NatsServerProcess server;
    private static Connection operator;
    private static JetStreamManagement management;
    private static JetStreamInvocationQueue broker;

    @BeforeAll
    static void startServer() {
        server = NatsServerProcess.start();
        operator = TestBrokers.operator(server);
        management = TestBrokers.management(operator);
        broker = TestBrokers.broker(server, SETTINGS);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        broker.close();
        operator.close();
        server.close();
    }

    @Test
    void theFirstPublishCreatesTheStreamAsDesigned() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();

        broker.publish(TestCalls.call(queue, "figlet"));

        StreamConfiguration stream = management.getStreamInfo("OF_" + queue).getConfiguration();
        assertThat(stream.getSubjects()).containsExactly(queue + ".>");
        assertThat(stream.getRetentionPolicy()).isEqualTo(RetentionPolicy.WorkQueue);
        assertThat(stream.getStorageType()).isEqualTo(StorageType.File);
        assertThat(stream.getReplicas()).isEqualTo(1);
        assertThat(stream.getDuplicateWindow()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aQueueLengthBoundIsGivenToTheStreamEvenWhenAnotherProcessCreatedItWithout() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();
        broker.publish(TestCalls.call(queue, "figlet"));
        assertThat(management.getStreamInfo("OF_" + queue).getConfiguration().getMaxMsgs()).isEqualTo(-1);

        try (JetStreamInvocationQueue bounded = TestBrokers.broker(server,
                new QueueSettings(Duration.ofSeconds(42), 7, Duration.ofSeconds(90), 2))) {
            bounded.publish(TestCalls.call(queue, "figlet"));

            StreamConfiguration stream = management.getStreamInfo("OF_" + queue).getConfiguration();
            assertThat(stream.getMaxMsgs()).isEqualTo(2);
            assertThat(stream.getDiscardPolicy()).isEqualTo(DiscardPolicy.New);
            assertThatThrownBy(() -> bounded.publish(TestCalls.call(queue, "figlet")))
                    .isInstanceOf(QueueFullException.class);
        }
        assertThat(management.getStreamInfo("OF_" + queue + "_delayed").getConfiguration().getMaxMsgs()).isEqualTo(-1);
    }

    @Test
    void theFirstFetchCreatesTheDurableConsumerAsDesigned() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();

        broker.fetch(queue, 1, Duration.ZERO);

        ConsumerConfiguration consumer = management.getConsumerInfo("OF_" + queue, queue + "-workers").getConsumerConfiguration();
        assertThat(consumer.getDurable()).isEqualTo(queue + "-workers");
        assertThat(consumer.getAckPolicy()).isEqualTo(AckPolicy.Explicit);
        assertThat(consumer.getDeliverPolicy()).isEqualTo(DeliverPolicy.All);
        assertThat(consumer.getMaxDeliver()).isEqualTo(-1);
        assertThat(consumer.getAckWait()).isEqualTo(Duration.ofSeconds(42));
        assertThat(consumer.getMaxPullWaiting()).isEqualTo(512);
        assertThat(consumer.getMaxAckPending()).isEqualTo(7);
    }

    @Test
    void callsThatAreNotDueYetGetAStreamAndConsumerOfTheirOwn() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();

        broker.fetch(queue, 1, Duration.ZERO);

        StreamConfiguration delayed = management.getStreamInfo("OF_" + queue + "_delayed").getConfiguration();
        assertThat(delayed.getSubjects()).containsExactly(queue + "~delayed.>");
        assertThat(delayed.getRetentionPolicy()).isEqualTo(RetentionPolicy.WorkQueue);
        assertThat(delayed.getStorageType()).isEqualTo(StorageType.File);
        ConsumerConfiguration mover = management.getConsumerInfo("OF_" + queue + "_delayed", queue + "-workers-delayed")
                .getConsumerConfiguration();
        assertThat(mover.getMaxAckPending()).isEqualTo(StreamProvisioner.DELAYED_MAX_ACK_PENDING);
        assertThat(mover.getAckWait()).isEqualTo(StreamProvisioner.DELAYED_ACK_WAIT);
    }

    @Test
    void aStreamAndConsumerMadeByAnOperatorAreUsedAsTheyAre() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();
        management.addStream(StreamConfiguration.builder().name("OF_" + queue).subjects(queue + ".>")
                .retentionPolicy(RetentionPolicy.WorkQueue).storageType(StorageType.Memory).maxMessages(1000).build());
        management.createConsumer("OF_" + queue, ConsumerConfiguration.builder().durable(queue + "-workers")
                .ackPolicy(AckPolicy.Explicit).ackWait(Duration.ofMinutes(5)).maxAckPending(100).build());

        broker.publish(TestCalls.call(queue, "figlet"));
        assertThat(broker.fetch(queue, 1, Duration.ofSeconds(5))).hasSize(1);

        assertThat(management.getStreamInfo("OF_" + queue).getConfiguration().getStorageType()).isEqualTo(StorageType.Memory);
        assertThat(management.getStreamInfo("OF_" + queue).getConfiguration().getMaxMsgs()).isEqualTo(1000);
        ConsumerConfiguration consumer = management.getConsumerInfo("OF_" + queue, queue + "-workers").getConsumerConfiguration();
        assertThat(consumer.getAckWait()).isEqualTo(Duration.ofMinutes(5));
        assertThat(consumer.getMaxAckPending()).isEqualTo(100);
    }

    @Test
    void configuredNamesAreUsedForTheStreamAndConsumer() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();
        JetStreamSettings settings = JetStreamSettings.builder().urls(server.url())
                .streamName("jobs_{queue}").durableName("{queue}-pool").build();
        try (JetStreamInvocationQueue named = new JetStreamInvocationQueue(TestBrokers.connect(settings), settings,
                SETTINGS, io.invoq.ports.out.TimeSource.SYSTEM)) {
            named.fetch(queue, 1, Duration.ZERO);
        }

        assertThat(management.getConsumerInfo("jobs_" + queue, queue + "-pool")).isNotNull();
    }

    @Test
    void readingStatisticsOrPurgingNeverCreatesAStream() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();

        assertThat(broker.stats(queue).pending()).isZero();
        assertThat(broker.purge(queue)).isZero();

        List<String> streams = management.getStreamNames();
        assertThat(streams).noneMatch(name -> name.contains(queue.value()));
        assertThatThrownBy(() -> management.getStreamInfo("OF_" + queue)).isInstanceOf(JetStreamApiException.class);
    }
}
