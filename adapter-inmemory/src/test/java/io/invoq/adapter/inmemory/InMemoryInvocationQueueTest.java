package io.invoq.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.awaitility.Awaitility.await;

import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.Delivery;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.QueueStats;
import io.invoq.ports.out.QueueUnavailableException;
import io.invoq.ports.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the broker contract leaves to each broker, as the in-memory one does it. */
class InMemoryInvocationQueueTest {

    private static final QueueName QUEUE = new QueueName("orders");
    private static final FunctionName FUNCTION = new FunctionName("resize");
    private static final Duration ACK_WAIT = Duration.ofSeconds(30);
    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Duration LONG_WAIT = Duration.ofHours(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration BLOCKED_FOR = Duration.ofMillis(100);

    private final ManualTimeSource clock = new ManualTimeSource(Instant.parse("2030-01-01T00:00:00Z"));
    private final ExecutorService fetcher = Executors.newSingleThreadExecutor();
    private final InvocationQueue broker = brokerWith(clock, new QueueSettings(ACK_WAIT, 1, Duration.ofMinutes(2)));

    @AfterEach
    void stop() {
        fetcher.shutdownNow();
        broker.close();
    }

    @Test
    void a_fetch_waiting_on_a_manual_clock_wakes_up_when_the_clock_reaches_a_lease_end() throws Exception {
        broker.publish(invocation());
        broker.fetch(QUEUE, 1, NO_WAIT);
        Future<List<Delivery>> waiting = blockedFetch(broker);

        clock.advance(ACK_WAIT);

        assertThat(waiting.get(PATIENCE.toMillis(), MILLISECONDS))
                .extracting(Delivery::deliveryCount).containsExactly(2);
    }

    @Test
    void a_fetch_on_the_system_clock_wakes_up_when_a_retry_delay_runs_out() throws Exception {
        InvocationQueue realTime = brokerWith(TimeSource.SYSTEM, QueueSettings.DEFAULT);
        realTime.publish(invocation());
        realTime.fetch(QUEUE, 1, NO_WAIT).get(0).retryAfter(BLOCKED_FOR.multipliedBy(5));

        Future<List<Delivery>> waiting = blockedFetch(realTime);

        assertThat(waiting.get(PATIENCE.toMillis(), MILLISECONDS))
                .extracting(Delivery::deliveryCount).containsExactly(2);
        realTime.close();
    }

    @Test
    void a_broker_on_a_manual_clock_tells_it_when_it_next_has_work_for_a_worker() throws Exception {
        assertThat(clock.nextDue()).isEmpty();
        broker.publish(invocation());
        assertThat(clock.nextDue()).as("waiting").contains(clock.now());
        Delivery delivery = broker.fetch(QUEUE, 1, NO_WAIT).get(0);
        assertThat(clock.nextDue()).as("held: its worker tells").contains(clock.now().plus(ACK_WAIT));

        delivery.retryAfter(Duration.ofMinutes(2));

        assertThat(clock.nextDue()).contains(clock.now().plus(Duration.ofMinutes(2)));
        broker.close();
        assertThat(clock.nextDue()).isEmpty();
    }

    @Test
    void a_delivery_whose_message_was_handed_to_someone_else_settles_nothing() throws Exception {
        broker.publish(invocation());
        Delivery lapsed = broker.fetch(QUEUE, 1, NO_WAIT).get(0);
        clock.advance(ACK_WAIT);
        Delivery current = broker.fetch(QUEUE, 1, NO_WAIT).get(0);

        lapsed.ack();
        lapsed.retryAfter(Duration.ZERO);

        assertThat(broker.stats(QUEUE)).isEqualTo(new QueueStats(QUEUE, 1, 1, Map.of(FUNCTION, 1L)));
        current.ack();
        assertThat(broker.stats(QUEUE)).isEqualTo(new QueueStats(QUEUE, 0, 0, Map.of()));
    }

    @Test
    void a_settled_delivery_ignores_further_settlements() throws Exception {
        broker.publish(invocation());
        Delivery delivery = broker.fetch(QUEUE, 1, NO_WAIT).get(0);

        delivery.ack();
        delivery.retryAfter(Duration.ZERO);
        delivery.extendLease();

        assertThat(broker.fetch(QUEUE, 1, NO_WAIT)).isEmpty();
        assertThat(broker.stats(QUEUE).pending()).isZero();
    }

    @Test
    void an_invocation_waiting_out_a_retry_delay_is_not_in_flight_and_frees_its_slot() throws Exception {
        broker.publish(invocation());
        Invocation next = invocation();
        broker.publish(next);

        broker.fetch(QUEUE, 1, NO_WAIT).get(0).retryAfter(Duration.ofMinutes(5));

        assertThat(broker.stats(QUEUE)).isEqualTo(new QueueStats(QUEUE, 2, 0, Map.of(FUNCTION, 2L)));
        assertThat(broker.fetch(QUEUE, 1, NO_WAIT)).extracting(Delivery::invocation).containsExactly(next);
    }

    @Test
    void purge_removes_invocations_waiting_out_a_retry_delay() throws Exception {
        broker.publish(invocation());
        broker.fetch(QUEUE, 1, NO_WAIT).get(0).retryAfter(Duration.ofMinutes(5));

        assertThat(broker.purge(QUEUE)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5));
        assertThat(broker.fetch(QUEUE, 1, NO_WAIT)).isEmpty();
    }

    @Test
    void a_duplicate_window_of_zero_remembers_no_call_id() {
        InvocationQueue forgetful = brokerWith(clock, new QueueSettings(ACK_WAIT, 1, Duration.ZERO));
        Invocation invocation = invocation();

        assertThat(forgetful.publish(invocation).duplicate()).isFalse();
        assertThat(forgetful.publish(invocation).duplicate()).isFalse();
        assertThat(forgetful.stats(QUEUE).pending()).isEqualTo(2);
        forgetful.close();
    }

    @Test
    void closing_releases_waiting_fetchers_and_refuses_every_operation() {
        Future<List<Delivery>> waiting = blockedFetch(broker);

        broker.close();
        broker.close();

        await().atMost(PATIENCE).until(waiting::isDone);
        assertThatThrownBy(waiting::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(QueueUnavailableException.class);
        assertThatThrownBy(() -> broker.fetch(QUEUE, 1, NO_WAIT)).isInstanceOf(QueueUnavailableException.class);
        assertThatThrownBy(() -> broker.stats(QUEUE)).isInstanceOf(QueueUnavailableException.class);
        assertThatThrownBy(() -> broker.purge(QUEUE)).isInstanceOf(QueueUnavailableException.class);
    }

    @Test
    void a_fetch_asks_for_at_least_one_delivery() {
        assertThatThrownBy(() -> broker.fetch(QUEUE, 0, NO_WAIT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_ten_attempt_back_off_spanning_hours_runs_without_waiting() throws Exception {
        Instant start = clock.now();
        broker.publish(invocation());
        Duration wait = Duration.ofSeconds(10);
        Duration waited = Duration.ZERO;

        Delivery delivery = broker.fetch(QUEUE, 1, NO_WAIT).get(0);
        for (int attempt = 1; attempt < 10; attempt++) {
            delivery.retryAfter(wait);
            clock.advance(wait);
            waited = waited.plus(wait);
            wait = wait.multipliedBy(2);
            delivery = broker.fetch(QUEUE, 1, NO_WAIT).get(0);
        }

        assertThat(delivery.deliveryCount()).isEqualTo(10);
        assertThat(Duration.between(start, clock.now())).isEqualTo(waited).isGreaterThan(Duration.ofHours(1));
    }

    /** A fetch in the background that has been waiting for a while, so it waits for what the test does next. */
    private Future<List<Delivery>> blockedFetch(InvocationQueue from) {
        Future<List<Delivery>> fetch = fetcher.submit(() -> from.fetch(QUEUE, 1, LONG_WAIT));
        await().during(BLOCKED_FOR).atMost(PATIENCE).until(() -> !fetch.isDone());
        return fetch;
    }

    private static InvocationQueue brokerWith(TimeSource time, QueueSettings settings) {
        return InMemoryBrokerModule.newQueue(settings, time);
    }

    private static Invocation invocation() {
        Instant at = Instant.parse("2020-01-01T00:00:00Z");
        return new Invocation(CallId.generate(), FUNCTION, QUEUE, "POST", "", "", Headers.EMPTY, new byte[0],
                Optional.empty(), at, at);
    }
}
