package io.invoq.adapter.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.DeadLetter;
import io.invoq.ports.out.DeadLetterSettings;
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
        broker.fetch(queue, 1, Duration.ZERO);
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

    @Test
    void aRestartWithChangedSettingsBringsTheStreamAndConsumerInvoqMadeToThem() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();
        broker.fetch(queue, 1, Duration.ZERO);

        try (LoggedEvents logged = LoggedEvents.of(Reconciliation.class);
             JetStreamInvocationQueue restarted = TestBrokers.broker(server,
                     new QueueSettings(Duration.ofSeconds(45), 9, Duration.ofSeconds(30), 50))) {
            restarted.fetch(queue, 1, Duration.ZERO);

            ConsumerConfiguration consumer = management.getConsumerInfo("OF_" + queue, queue + "-workers")
                    .getConsumerConfiguration();
            assertThat(consumer.getAckWait()).isEqualTo(Duration.ofSeconds(45));
            assertThat(consumer.getMaxAckPending()).isEqualTo(9);
            StreamConfiguration stream = management.getStreamInfo("OF_" + queue).getConfiguration();
            assertThat(stream.getDuplicateWindow()).isEqualTo(Duration.ofSeconds(30));
            assertThat(stream.getMaxMsgs()).isEqualTo(50);
            assertThat(stream.getDiscardPolicy()).isEqualTo(DiscardPolicy.New);
            assertThat(management.getStreamInfo("OF_" + queue + "_delayed").getConfiguration().getDuplicateWindow())
                    .isEqualTo(Duration.ofSeconds(30));
            assertThat(logged.at(Level.INFO)).anyMatch(line -> line.contains("ack_wait ack wait is now 45s"));
        }
    }

    @Test
    void aSettingNatsRefusesToChangeIsLoggedAsAnErrorNamingTheKeyAndHowToApplyIt() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();
        broker.publish(TestCalls.call(queue, "figlet"));
        // an operator gave invoq's stream a max age, which its duplicate window may not exceed
        management.updateStream(StreamConfiguration.builder(management.getStreamInfo("OF_" + queue).getConfiguration())
                .maxAge(Duration.ofMinutes(2)).build());

        try (LoggedEvents logged = LoggedEvents.of(Reconciliation.class);
             JetStreamInvocationQueue restarted = TestBrokers.broker(server,
                     new QueueSettings(Duration.ofSeconds(42), 7, Duration.ofMinutes(5)))) {
            restarted.publish(TestCalls.call(queue, "figlet"));

            assertThat(management.getStreamInfo("OF_" + queue).getConfiguration().getDuplicateWindow())
                    .isEqualTo(Duration.ofSeconds(90));
            assertThat(logged.at(Level.ERROR)).singleElement().asString()
                    .contains("stream OF_" + queue, "duplicate window 1m30s where duplicate_window asks for 5m",
                            "duplicates window can not be larger then max age", "nats stream rm OF_" + queue);
        }
    }

    @Test
    void aStreamAndConsumerMadeByAnOperatorGetOneWarningPerSettingThatDiffers() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();
        management.addStream(StreamConfiguration.builder().name("OF_" + queue).subjects(queue + ".>")
                .retentionPolicy(RetentionPolicy.WorkQueue).duplicateWindow(Duration.ofSeconds(90)).build());
        management.createConsumer("OF_" + queue, ConsumerConfiguration.builder().durable(queue + "-workers")
                .ackPolicy(AckPolicy.Explicit).ackWait(Duration.ofMinutes(5)).maxAckPending(100).build());

        try (LoggedEvents logged = LoggedEvents.of(Reconciliation.class)) {
            broker.fetch(queue, 1, Duration.ZERO);

            assertThat(logged.at(Level.WARN)).containsExactly(
                    "consumer OF_" + queue + " " + queue + "-workers was not made by invoq and is used as it is: "
                            + "its ack wait 5m where ack_wait asks for 42s",
                    "consumer OF_" + queue + " " + queue + "-workers was not made by invoq and is used as it is: "
                            + "its max ack pending 100 where nats_max_ack_pending asks for 7");
        }
        assertThat(management.getConsumerInfo("OF_" + queue, queue + "-workers").getConsumerConfiguration()
                .getAckWait()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aRestartWithAnotherDeadLetterRetentionGivesItToTheDeadLetterStream() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();
        JetStreamSettings settings = TestBrokers.settings(server);
        DeadLetter letter = new DeadLetter(TestCalls.call(queue, "figlet"), 3, 500, java.time.Instant.now());
        try (JetStreamConnection first = TestBrokers.connect(settings);
             JetStreamConnection restarted = TestBrokers.connect(settings)) {
            new JetStreamDeadLetters(first, settings, new DeadLetterSettings(Duration.ofDays(7))).add(letter);

            new JetStreamDeadLetters(restarted, settings, new DeadLetterSettings(Duration.ofMinutes(1))).add(letter);
        }

        StreamConfiguration stream = management.getStreamInfo("OF_" + queue + "_dlq").getConfiguration();
        assertThat(stream.getMaxAge()).isEqualTo(Duration.ofMinutes(1));
        assertThat(stream.getDescription()).isEqualTo(Reconciliation.MARK);
    }

    @Test
    void messagesTheStreamKeepsAtOrBelowTheAckFloorAreNotCountedAsPending() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();
        // a stream that keeps acked messages, as nats-server 2.9 may after a crash
        management.addStream(StreamConfiguration.builder().name("OF_" + queue).subjects(queue + ".>")
                .retentionPolicy(RetentionPolicy.Limits).build());
        for (int i = 0; i < 3; i++) {
            broker.publish(TestCalls.call(queue, "figlet"));
        }
        broker.fetch(queue, 2, Duration.ofSeconds(5)).forEach(io.invoq.ports.out.Delivery::ack);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            io.invoq.ports.out.QueueStats stats = broker.stats(queue);
            assertThat(stats.pending()).isEqualTo(1);
            assertThat(stats.inFlight()).isZero();
            assertThat(stats.pendingByFunction()).containsExactly(
                    java.util.Map.entry(new io.invoq.domain.FunctionName("figlet"), 1L));
        });
        assertThat(management.getStreamInfo("OF_" + queue).getStreamState().getMsgCount()).isEqualTo(3);
    }

    @Test
    void aPublishNoServerAnswersEndsInAnUnknownOutcomeThatRetryingWithTheSameIdResolves() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();
        JetStreamSettings quick = JetStreamSettings.builder().urls(server.url()).requestTimeout(Duration.ofMillis(500))
                .build();
        io.invoq.domain.Invocation first = TestCalls.call(queue, "figlet");
        io.invoq.domain.Invocation call = TestCalls.call(queue, "figlet");
        try (JetStreamInvocationQueue stalled = new JetStreamInvocationQueue(TestBrokers.connect(quick), quick, SETTINGS,
                io.invoq.ports.out.TimeSource.SYSTEM)) {
            // the stream made by the patient broker, the quick one's first publish (of the same call,
            // stored once) only makes sure of it: on a loaded machine 500 ms may not be enough to make it
            broker.publish(first);
            untilPublished(stalled, first);
            server.pause();
            try {
                assertThatThrownBy(() -> stalled.publish(call))
                        .isInstanceOfSatisfying(io.invoq.ports.out.PublishOutcomeUnknownException.class,
                                unknown -> assertThat(unknown.callId()).isEqualTo(call.callId()));
            } finally {
                server.resume();
            }

            assertThat(untilPublished(stalled, call).duplicate())
                    .as("the stalled publishes were stored once, when the server went on").isTrue();
        }
        assertThat(management.getStreamInfo("OF_" + queue).getStreamState().getMsgCount()).isEqualTo(2);
    }

    /**
     * Publishes the call until the broker confirms it, as a client retrying with the same call id
     * would: a server just resumed, or slow on a loaded machine, may leave a 500 ms publish unconfirmed
     * again (an unknown outcome, which is a {@code QueueUnavailableException} too) or unable to make sure of the stream.
     */
    private static io.invoq.ports.out.PublishReceipt untilPublished(JetStreamInvocationQueue broker,
                                                                   io.invoq.domain.Invocation call) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .ignoreExceptionsInstanceOf(io.invoq.ports.out.QueueUnavailableException.class)
                .until(() -> broker.publish(call), receipt -> true);
    }

    @Test
    void aSubmissionNeedsOnlyTheStreamItIsPublishedTo() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();

        broker.publish(TestCalls.call(queue, "figlet"));

        assertThat(management.getStreamInfo("OF_" + queue).getStreamState().getMsgCount()).isEqualTo(1);
        assertThat(management.getConsumerNames("OF_" + queue)).isEmpty();
        assertThatThrownBy(() -> management.getStreamInfo("OF_" + queue + "_delayed"))
                .isInstanceOf(JetStreamApiException.class);
    }

    @Test
    void aStreamDeletedBehindTheGatewaysBackIsMadeAgainWithinTheSubmission() throws Exception {
        QueueName queue = TestCalls.uniqueQueue();
        broker.publish(TestCalls.call(queue, "figlet"));
        management.deleteStream("OF_" + queue);

        assertThat(broker.publish(TestCalls.call(queue, "figlet")).duplicate()).isFalse();

        assertThat(management.getStreamInfo("OF_" + queue).getStreamState().getMsgCount()).isEqualTo(1);
    }
}
