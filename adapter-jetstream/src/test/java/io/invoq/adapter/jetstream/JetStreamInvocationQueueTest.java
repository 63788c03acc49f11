package io.invoq.adapter.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.Delivery;
import io.invoq.ports.out.InvocationTooLargeException;
import io.invoq.ports.out.QueueFullException;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.QueueStats;
import io.invoq.ports.out.QueueUnavailableException;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JetStreamInvocationQueueTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static NatsServerProcess server;
    private static Connection operator;
    private static JetStreamManagement management;
    private static JetStreamInvocationQueue broker;

    private QueueName queue;

    @BeforeAll
    static void startServer() {
        server = NatsServerProcess.start();
        operator = TestBrokers.operator(server);
        management = TestBrokers.management(operator);
        broker = TestBrokers.broker(server, TestBrokers.QUICK_LEASES);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        broker.close();
        operator.close();
        server.close();
    }

    @BeforeEach
    void useAFreshQueue() {
        queue = TestCalls.uniqueQueue();
    }

    @Test
    void aPublishedCallIsDeliveredOnceAndAnAckLeavesNothingInTheStream() throws Exception {
        Invocation call = TestCalls.call(queue, "figlet");
        broker.publish(call);

        List<Delivery> deliveries = broker.fetch(queue, 5, Duration.ofSeconds(5));

        assertThat(deliveries).singleElement().satisfies(delivery -> {
            assertThat(delivery.invocation()).isEqualTo(call);
            assertThat(delivery.deliveryCount()).isEqualTo(1);
        });
        assertThat(broker.fetch(queue, 5, Duration.ZERO)).isEmpty();
        deliveries.get(0).ack();
        // the ack is not confirmed, so the server may answer a question asked right after it first
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(management.getStreamInfo("OF_" + queue).getStreamState().getMsgCount()).isZero();
            assertThat(broker.stats(queue)).isEqualTo(new QueueStats(queue, 0, 0, Map.of()));
        });
    }

    @Test
    void aSecondPublishOfTheSameCallIdIsRecognisedAsADuplicate() {
        CallId callId = CallId.generate();

        assertThat(broker.publish(TestCalls.call(queue, "figlet", callId)).duplicate()).isFalse();
        assertThat(broker.publish(TestCalls.call(queue, "figlet", callId)).duplicate()).isTrue();
        assertThat(broker.stats(queue).pending()).isEqualTo(1);
    }

    @Test
    void callsAreDeliveredInTheOrderTheyWerePublished() throws Exception {
        List<Invocation> calls = List.of(TestCalls.call(queue, "a"), TestCalls.call(queue, "b"), TestCalls.call(queue, "a"));
        calls.forEach(broker::publish);

        List<Delivery> deliveries = broker.fetch(queue, 3, Duration.ofSeconds(5));

        assertThat(deliveries).extracting(Delivery::invocation).containsExactlyElementsOf(calls);
    }

    @Test
    void aFetchReturnsAsSoonAsACallArrives() {
        CompletableFuture<List<Delivery>> waiting = CompletableFuture.supplyAsync(() -> fetch(Duration.ofSeconds(30)));

        broker.publish(TestCalls.call(queue, "figlet"));

        await().atMost(PATIENCE).until(waiting::isDone);
        assertThat(waiting.join()).hasSize(1);
    }

    @Test
    void aCallLeftUnacknowledgedIsDeliveredAgainWithAHigherCount() {
        Invocation call = TestCalls.call(queue, "figlet");
        broker.publish(call);
        assertThat(fetch(Duration.ofSeconds(5))).hasSize(1);

        Delivery again = awaitDelivery();

        assertThat(again.invocation()).isEqualTo(call);
        assertThat(again.deliveryCount()).isEqualTo(2);
    }

    @Test
    void extendingTheLeaseKeepsACallFromBeingDeliveredAgain() {
        broker.publish(TestCalls.call(queue, "figlet"));
        Delivery delivery = fetch(Duration.ofSeconds(5)).get(0);

        await().during(Duration.ofSeconds(3)).atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    delivery.extendLease();
                    return fetch(Duration.ZERO).isEmpty();
                });
    }

    @Test
    void aRetryAfterADelayWaitsAtLeastThatLongAndFreesTheInFlightSlot() {
        Invocation call = TestCalls.call(queue, "figlet");
        broker.publish(call);
        Delivery first = fetch(Duration.ofSeconds(5)).get(0);
        Instant retried = Instant.now();

        first.retryAfter(Duration.ofSeconds(2));

        assertThat(broker.stats(queue)).isEqualTo(new QueueStats(queue, 1, 0, Map.of(new FunctionName("figlet"), 1L)));
        Delivery second = awaitDelivery();
        assertThat(Duration.between(retried, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(second.invocation()).isEqualTo(call);
        assertThat(second.deliveryCount()).isEqualTo(2);
    }

    @Test
    void aRetryWithoutDelayIsDeliveredAgainAtOnce() {
        broker.publish(TestCalls.call(queue, "figlet"));
        fetch(Duration.ofSeconds(5)).get(0).retryAfter(Duration.ZERO);

        assertThat(fetch(Duration.ofSeconds(5))).singleElement()
                .satisfies(delivery -> assertThat(delivery.deliveryCount()).isEqualTo(2));
    }

    @Test
    void aCallWaitingOutARetryDelayDoesNotHoldAnInFlightSlot() {
        QueueSettings oneAtATime = new QueueSettings(Duration.ofSeconds(30), 1, Duration.ofMinutes(2));
        try (JetStreamInvocationQueue limited = TestBrokers.broker(server, oneAtATime)) {
            limited.publish(TestCalls.call(queue, "figlet"));
            Invocation waiting = TestCalls.call(queue, "figlet");
            limited.publish(waiting);

            fetch(limited, 1, Duration.ofSeconds(5)).get(0).retryAfter(Duration.ofHours(1));

            assertThat(fetch(limited, 1, Duration.ofSeconds(5))).extracting(Delivery::invocation).containsExactly(waiting);
        }
    }

    @Test
    void aDeferredCallIsHeldBackUntilItsStartAndThenDeliveredAsItsFirstAttempt() {
        Invocation call = TestCalls.deferred(queue, "figlet", Duration.ofSeconds(2));
        broker.publish(call);

        assertThat(fetch(Duration.ofMillis(500))).isEmpty();
        assertThat(broker.stats(queue)).isEqualTo(new QueueStats(queue, 1, 0, Map.of(new FunctionName("figlet"), 1L)));
        Delivery delivery = awaitDelivery();

        assertThat(Instant.now()).isAfterOrEqualTo(call.notBefore());
        assertThat(delivery.invocation()).isEqualTo(call);
        assertThat(delivery.deliveryCount()).isEqualTo(1);
    }

    @Test
    void aDeferredCallResubmittedAfterItFellDueIsStillRecognisedAsADuplicate() {
        Invocation call = TestCalls.deferred(queue, "figlet", Duration.ofSeconds(1));
        broker.publish(call);
        assertThat(broker.publish(call).duplicate()).isTrue();
        awaitDelivery().ack();

        assertThat(broker.publish(call).duplicate()).isTrue();
        assertThat(broker.stats(queue).pending()).isZero();
    }

    @Test
    void aCallThatIsNotDueByTheFetchersClockIsHeldBackWithoutCountingThatDelivery() {
        JetStreamSettings settings = TestBrokers.settings(server);
        try (JetStreamInvocationQueue publisherAhead = new JetStreamInvocationQueue(TestBrokers.connect(settings),
                settings, TestBrokers.QUICK_LEASES, () -> Instant.now().plusSeconds(5))) {
            Invocation call = TestCalls.deferred(queue, "figlet", Duration.ofSeconds(2));
            publisherAhead.publish(call);

            assertThat(fetch(Duration.ofMillis(500))).isEmpty();
            Delivery delivery = awaitDelivery();

            assertThat(Instant.now()).isAfterOrEqualTo(call.notBefore());
            assertThat(delivery.invocation()).isEqualTo(call);
            assertThat(delivery.deliveryCount()).isEqualTo(1);
        }
    }

    @Test
    void aRejectedCallIsNeverDeliveredAgain() {
        broker.publish(TestCalls.call(queue, "figlet"));
        fetch(Duration.ofSeconds(5)).get(0).reject();

        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> fetch(Duration.ZERO).isEmpty());
        assertThat(broker.stats(queue).pending()).isZero();
    }

    @Test
    void noMoreCallsAreInFlightThanTheConfiguredLimit() {
        QueueSettings twoAtATime = new QueueSettings(Duration.ofSeconds(30), 2, Duration.ofMinutes(2));
        try (JetStreamInvocationQueue limited = TestBrokers.broker(server, twoAtATime)) {
            for (int i = 0; i < 4; i++) {
                limited.publish(TestCalls.call(queue, "figlet"));
            }

            assertThat(fetch(limited, 4, Duration.ofSeconds(1))).hasSize(2);
            assertThat(fetch(limited, 4, Duration.ofMillis(500))).isEmpty();
            assertThat(limited.stats(queue).inFlight()).isEqualTo(2);
        }
    }

    @Test
    void statisticsCountWaitingDelayedAndInFlightCallsPerFunction() {
        broker.publish(TestCalls.call(queue, "c"));
        broker.publish(TestCalls.call(queue, "a"));
        broker.publish(TestCalls.call(queue, "a"));
        broker.publish(TestCalls.call(queue, "b.openfaas-fn"));
        broker.publish(TestCalls.deferred(queue, "d", Duration.ofHours(1)));
        fetch(1, Duration.ofSeconds(5)).get(0).retryAfter(Duration.ofHours(1));
        fetch(1, Duration.ofSeconds(5));

        QueueStats stats = broker.stats(queue);

        assertThat(stats.pending()).isEqualTo(5);
        assertThat(stats.inFlight()).isEqualTo(1);
        assertThat(stats.pendingByFunction()).isEqualTo(Map.of(new FunctionName("a"), 2L,
                new FunctionName("b.openfaas-fn"), 1L, new FunctionName("c"), 1L, new FunctionName("d"), 1L));
    }

    @Test
    void purgingRemovesWaitingAndDelayedCallsButNotThoseInFlight() {
        for (int i = 0; i < 4; i++) {
            broker.publish(TestCalls.call(queue, "figlet"));
        }
        broker.publish(TestCalls.deferred(queue, "figlet", Duration.ofHours(1)));
        fetch(1, Duration.ofSeconds(5)).get(0).retryAfter(Duration.ofHours(1));
        Delivery inFlight = fetch(1, Duration.ofSeconds(5)).get(0);

        assertThat(broker.purge(queue)).isEqualTo(4);

        assertThat(broker.stats(queue)).isEqualTo(new QueueStats(queue, 1, 1, Map.of(new FunctionName("figlet"), 1L)));
        inFlight.ack();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(broker.stats(queue).pending()).isZero());
    }

    @Test
    void purgingWithNothingInFlightEmptiesTheQueue() {
        broker.publish(TestCalls.call(queue, "figlet"));
        broker.publish(TestCalls.call(queue, "figlet"));

        assertThat(broker.purge(queue)).isEqualTo(2);
        assertThat(broker.stats(queue).pending()).isZero();
    }

    @Test
    void aFullQueueRefusesNewCalls() throws Exception {
        management.addStream(StreamConfiguration.builder().name("OF_" + queue).subjects(queue + ".>")
                .retentionPolicy(RetentionPolicy.WorkQueue).maxMessages(1).discardPolicy(DiscardPolicy.New).build());
        broker.publish(TestCalls.call(queue, "figlet"));

        assertThatThrownBy(() -> broker.publish(TestCalls.call(queue, "figlet")))
                .isInstanceOf(QueueFullException.class)
                .hasMessageContaining("maximum messages");
    }

    @Test
    void aCallTooLargeForTheServerIsRefusedBeforeItIsSent() {
        Invocation call = TestCalls.call(queue, "figlet");
        Invocation huge = new Invocation(call.callId(), call.function(), queue, "POST", "", "", call.headers(),
                new byte[1024 * 1024], call.callbackUrl(), call.enqueuedAt(), call.notBefore());

        assertThatThrownBy(() -> broker.publish(huge)).isInstanceOf(InvocationTooLargeException.class)
                .hasMessageContaining("max_payload");
    }

    @Test
    void aBodyAlmostAsLargeAsTheServerTakesIsQueuedAsItIs() {
        Invocation call = TestCalls.call(queue, "figlet");
        byte[] body = new byte[1024 * 1024 - 1024];
        Arrays.fill(body, (byte) 0xff);
        Invocation large = new Invocation(call.callId(), call.function(), queue, "POST", "", "", call.headers(),
                body, call.callbackUrl(), call.enqueuedAt(), call.notBefore());

        broker.publish(large);

        assertThat(awaitDelivery().invocation()).isEqualTo(large);
    }

    @Test
    void aMessageThatIsNotAnInvocationIsSetAsideAndNotDelivered() throws Exception {
        broker.fetch(queue, 1, Duration.ZERO);
        operator.jetStream().publish(queue + ".figlet", "not json".getBytes(StandardCharsets.UTF_8));

        assertThat(fetch(Duration.ofSeconds(1))).isEmpty();
        await().atMost(PATIENCE).until(() -> broker.stats(queue).pending() == 0);
    }

    @Test
    void aStreamDeletedBehindTheBrokersBackIsCreatedAgainOnItsNextUse() throws Exception {
        broker.publish(TestCalls.call(queue, "figlet"));
        management.deleteStream("OF_" + queue);
        Invocation call = TestCalls.call(queue, "figlet");

        // retried with the same call id, as a client would: an unconfirmed publish (a subclass) may have stored it
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(QueueUnavailableException.class)
                .until(() -> broker.publish(call), receipt -> true);

        assertThat(await().atMost(PATIENCE).ignoreException(QueueUnavailableException.class)
                .until(() -> fetch(Duration.ofMillis(500)), deliveries -> !deliveries.isEmpty()))
                .extracting(Delivery::invocation).containsExactly(call);
    }

    @Test
    void aConsumerDeletedBehindTheBrokersBackIsCreatedAgainOnItsNextUse() throws Exception {
        fetch(Duration.ZERO);
        Invocation call = TestCalls.call(queue, "figlet");
        fetch(Duration.ZERO);
        management.deleteConsumer("OF_" + queue, queue + "-workers");
        broker.publish(call);

        assertThat(await().atMost(PATIENCE).ignoreException(QueueUnavailableException.class)
                .until(() -> fetch(Duration.ofMillis(500)), deliveries -> !deliveries.isEmpty()))
                .extracting(Delivery::invocation).containsExactly(call);
    }

    private Delivery awaitDelivery() {
        return await().atMost(PATIENCE).until(() -> fetch(Duration.ofMillis(500)), deliveries -> !deliveries.isEmpty()).get(0);
    }

    private List<Delivery> fetch(Duration wait) {
        return fetch(5, wait);
    }

    private List<Delivery> fetch(int max, Duration wait) {
        return fetch(broker, max, wait);
    }

    private List<Delivery> fetch(JetStreamInvocationQueue from, int max, Duration wait) {
        try {
            return from.fetch(queue, max, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }
}
