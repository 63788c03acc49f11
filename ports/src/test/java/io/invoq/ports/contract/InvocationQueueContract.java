package io.invoq.ports.contract;

import static io.invoq.ports.contract.SampleInvocations.FUNCTION;
import static io.invoq.ports.contract.SampleInvocations.deferredTo;
import static io.invoq.ports.contract.SampleInvocations.resubmissionOf;
import static io.invoq.ports.contract.SampleInvocations.to;
import static io.invoq.ports.contract.SampleInvocations.uniqueQueueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.LeaseRule;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.Delivery;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.PublishReceipt;
import io.invoq.ports.out.QueueFullException;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.QueueStats;
import io.invoq.ports.out.QueueUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The broker contract of design.md §4: what every {@link InvocationQueue} adapter must do, so that
 * the in-memory broker can stand in for JetStream in anyone's tests.
 *
 * <p>An adapter runs it by subclassing it in its own tests and supplying
 * <ul>
 *   <li>{@link #newQueue(QueueSettings)}: a broker with those settings. The suite closes it after
 *       the test and uses queue names no other test uses, so brokers may share one server;</li>
 *   <li>{@link #letTimePass(Duration)} and {@link #now()}: the broker's clock. A manual clock is
 *       moved by {@code letTimePass}; with real time {@code letTimePass} does nothing and the suite
 *       waits, by polling {@code now()}, for the time to pass on its own.</li>
 * </ul>
 * and, for real time, overriding {@link #ackWait()} and {@link #duplicateWindow()} when the
 * defaults do not suit the broker. The other hooks have defaults derived from {@link #ackWait()}.
 *
 * <p>Every wait is an Awaitility poll bounded by {@link #patience()}; nothing sleeps. "Nothing is
 * delivered" is checked by one fetch that listens for {@link #quietPeriod()}. A "not before"
 * deadline is checked twice: nothing arrives {@link #deadlineMargin()} before it, and when it
 * arrives the broker's clock has reached the deadline.
 *
 * <p>Left open on purpose, because JetStream keeps a message waiting out a retry delay ack-pending:
 * whether such a message counts as in flight in {@link QueueStats#inFlight()} and against
 * {@link QueueSettings#maxAckPending()}, and whether {@link InvocationQueue#purge} removes it.
 * The broker holds an invocation back until its {@link Invocation#notBefore()}; that wait is not a
 * delivery, so a deferred call's first delivery has delivery count 1 like any other.
 */
public abstract class InvocationQueueContract {

    private static final Duration OUTLASTS_ANY_TEST = Duration.ofHours(1);
    private static final int ROOMY_INFLIGHT = 64;
    private static final Duration FETCH_WAIT = Duration.ofMillis(250);
    private static final FunctionName OTHER_FUNCTION = new FunctionName("contract-other-fn");

    private final List<InvocationQueue> brokers = new ArrayList<>();
    private final QueueName queue = uniqueQueueName();
    private final ContractTiming timing = new ContractTiming(this::now, this::letTimePass, this::patience);
    /** Deliveries a deadline check received once the deadline had passed, for the next receive. */
    private final List<Delivery> deliveredAtTheDeadline = new ArrayList<>();

    /** A broker with these settings; the suite closes it after the test. */
    protected abstract InvocationQueue newQueue(QueueSettings settings);

    /** Lets at least {@code duration} pass as the broker sees it: moves a manual clock, or does nothing in real time. */
    protected abstract void letTimePass(Duration duration);

    /** The broker's notion of now. */
    protected abstract Instant now();

    /** The lease of the tests that let leases run out; short in real time, anything with a manual clock. */
    protected Duration ackWait() {
        return Duration.ofSeconds(2);
    }

    /** The duplicate window of the test that lets it run out. */
    protected Duration duplicateWindow() {
        return ackWait();
    }

    /** How long one fetch listens when the suite checks that nothing is delivered. */
    protected Duration quietPeriod() {
        return ackWait().dividedBy(10);
    }

    /** How long before a deadline the suite checks that it has not been reached; real time needs room for jitter. */
    protected Duration deadlineMargin() {
        return ackWait().dividedBy(2);
    }

    /** The longest the suite waits for anything before it fails. */
    protected Duration patience() {
        return ackWait().multipliedBy(5).plusSeconds(10);
    }

    @AfterEach
    void closeBrokers() {
        brokers.forEach(InvocationQueue::close);
    }

    // --- publishing ---

    @Test
    void a_published_invocation_is_stored_as_soon_as_publish_returns() {
        InvocationQueue broker = broker();
        Invocation invocation = to(queue);

        assertThat(broker.publish(invocation)).isEqualTo(new PublishReceipt(false));

        assertThat(broker.stats(queue)).isEqualTo(new QueueStats(queue, 1, 0, Map.of(FUNCTION, 1L)));
        Delivery delivery = receiveOne(broker);
        assertThat(delivery.invocation()).isEqualTo(invocation);
        assertThat(delivery.deliveryCount()).isEqualTo(1);
    }

    @Test
    void a_delivery_carries_the_invocation_exactly_as_it_was_published() {
        InvocationQueue broker = broker();
        Invocation everything = SampleInvocations.withEveryFieldSet(queue);
        Invocation bare = SampleInvocations.withNothingOptional(queue);
        broker.publish(everything);
        broker.publish(bare);

        assertThat(receive(broker, queue, 2)).extracting(Delivery::invocation).containsExactly(everything, bare);
    }

    @Test
    void a_fetch_on_an_empty_queue_waits_and_receives_what_is_published_meanwhile() throws Exception {
        InvocationQueue broker = broker();
        Invocation invocation = to(queue);
        ExecutorService fetcher = Executors.newSingleThreadExecutor();
        try {
            Future<List<Delivery>> fetched = fetcher.submit(() -> broker.fetch(queue, 1, patience()));
            timing.eventually().during(quietPeriod()).until(() -> !fetched.isDone());

            broker.publish(invocation);

            timing.eventually().until(fetched::isDone);
            assertThat(fetched.get()).extracting(Delivery::invocation).containsExactly(invocation);
        } finally {
            fetcher.shutdownNow();
        }
    }

    // --- de-duplication ---

    @Test
    void a_call_id_published_twice_inside_the_duplicate_window_is_stored_and_delivered_once() throws Exception {
        InvocationQueue broker = broker();
        Invocation original = to(queue);

        assertThat(broker.publish(original)).isEqualTo(new PublishReceipt(false));
        assertThat(broker.publish(resubmissionOf(original))).isEqualTo(new PublishReceipt(true));

        assertThat(broker.stats(queue).pending()).isEqualTo(1);
        Delivery delivery = receiveOne(broker);
        assertThat(delivery.invocation()).isEqualTo(original);
        delivery.ack();
        assertNothingDelivered(broker, queue);
    }

    @Test
    void a_call_id_is_remembered_for_the_duplicate_window_even_after_its_invocation_was_acked() throws Exception {
        InvocationQueue broker = broker();
        Invocation original = to(queue);
        broker.publish(original);
        receiveOne(broker).ack();
        assertStatsEventually(broker, queue, 0, 0, Map.of());

        assertThat(broker.publish(resubmissionOf(original))).isEqualTo(new PublishReceipt(true));

        assertNothingDelivered(broker, queue);
    }

    @Test
    void a_call_id_is_accepted_again_once_the_duplicate_window_has_passed() {
        InvocationQueue broker = brokerWith(OUTLASTS_ANY_TEST, ROOMY_INFLIGHT, duplicateWindow());
        Invocation original = to(queue);
        Instant publishedAt = now();
        broker.publish(original);
        Instant windowEnd = publishedAt.plus(duplicateWindow());

        timing.waitUntil(windowEnd.minus(deadlineMargin()));
        PublishReceipt inside = broker.publish(resubmissionOf(original));
        if (now().isBefore(windowEnd)) {
            // a test thread stalled past the window's end (a loaded machine) cannot tell
            assertThat(inside.duplicate()).as("duplicate inside the window").isTrue();
        }

        timing.letTimePassUntil(windowEnd);
        if (inside.duplicate()) {
            timing.eventually().until(() -> !broker.publish(resubmissionOf(original)).duplicate());
        }
        assertThat(now()).isAfterOrEqualTo(windowEnd);
        assertStatsEventually(broker, queue, 2, 0, Map.of(FUNCTION, 2L));
    }

    // --- one holder at a time, settling ---

    @Test
    void a_delivered_invocation_is_not_handed_to_another_fetcher_while_it_is_held() throws Exception {
        InvocationQueue broker = broker();
        broker.publish(to(queue));
        receiveOne(broker);

        assertNothingDelivered(broker, queue);
    }

    @Test
    void concurrent_fetchers_never_hold_the_same_invocation_at_once() throws Exception {
        int count = 20;
        InvocationQueue broker = brokerWith(OUTLASTS_ANY_TEST, count, OUTLASTS_ANY_TEST);
        IntStream.range(0, count).forEach(i -> broker.publish(to(queue)));
        Queue<Delivery> received = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService fetchers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = IntStream.range(0, 2).<Future<?>>mapToObj(i -> fetchers.submit(() -> {
                while (!stop.get()) {
                    received.addAll(broker.fetch(queue, 3, FETCH_WAIT));
                }
                return null;
            })).toList();
            timing.eventually().until(() -> received.size() >= count || running.stream().anyMatch(Future::isDone));
            stop.set(true);
            for (Future<?> fetcherDone : running) {
                fetcherDone.get();
            }
        } finally {
            stop.set(true);
            fetchers.shutdownNow();
        }

        assertThat(received).extracting(delivery -> delivery.invocation().callId())
                .hasSize(count)
                .doesNotHaveDuplicates();
    }

    @Test
    void an_acked_invocation_is_removed_and_never_delivered_again() throws Exception {
        InvocationQueue broker = brokerWithLease();
        broker.publish(to(queue));
        Instant fetchedAt = now();
        receiveOne(broker).ack();

        assertStatsEventually(broker, queue, 0, 0, Map.of());
        timing.waitUntil(fetchedAt.plus(ackWait()));
        assertNothingDelivered(broker, queue);
    }

    @Test
    void a_rejected_invocation_is_removed_and_never_delivered_again() throws Exception {
        InvocationQueue broker = brokerWithLease();
        broker.publish(to(queue));
        Instant fetchedAt = now();
        receiveOne(broker).reject();

        assertStatsEventually(broker, queue, 0, 0, Map.of());
        timing.waitUntil(fetchedAt.plus(ackWait()));
        assertNothingDelivered(broker, queue);
    }

    // --- leases ---

    @Test
    void an_invocation_not_settled_within_its_lease_is_redelivered_with_its_delivery_count_incremented()
            throws Exception {
        InvocationQueue broker = brokerWithLease();
        broker.publish(to(queue));
        Instant fetchedAt = now();
        Delivery first = receiveOne(broker);
        Instant leaseEnd = fetchedAt.plus(ackWait());

        timing.waitUntil(leaseEnd.minus(deadlineMargin()));
        assertNothingDeliveredBefore(broker, leaseEnd);

        timing.letTimePassUntil(leaseEnd);
        Delivery second = receiveOne(broker);
        assertThat(now()).isAfterOrEqualTo(leaseEnd);
        assertThat(second.deliveryCount()).isEqualTo(2);
        assertThat(second.invocation()).isEqualTo(first.invocation());
    }

    @Test
    void extending_the_lease_keeps_a_long_running_delivery_from_being_redelivered() throws Exception {
        InvocationQueue broker = brokerWithLease();
        broker.publish(to(queue));
        Instant fetchedAt = now();
        Delivery delivery = receiveOne(broker);
        Duration extendEvery = new LeaseRule(ackWait()).extendEvery();

        for (int extension = 1; extension <= 6; extension++) {
            timing.waitUntil(fetchedAt.plus(extendEvery.multipliedBy(extension)));
            delivery.extendLease();
        }

        assertThat(now()).as("held across more than one lease").isAfter(fetchedAt.plus(ackWait()));
        assertNothingDelivered(broker, queue);
        delivery.ack();
        assertStatsEventually(broker, queue, 0, 0, Map.of());
    }

    @Test
    void a_lease_no_longer_extended_runs_out_one_full_lease_after_the_last_extension() throws Exception {
        InvocationQueue broker = brokerWithLease();
        broker.publish(to(queue));
        Instant fetchedAt = now();
        Delivery first = receiveOne(broker);
        timing.waitUntil(fetchedAt.plus(ackWait().dividedBy(2)));
        Instant extendedAt = now();
        first.extendLease();
        Instant extendedLeaseEnd = extendedAt.plus(ackWait());

        timing.waitUntil(extendedLeaseEnd.minus(deadlineMargin()));
        assertNothingDeliveredBefore(broker, extendedLeaseEnd);

        timing.letTimePassUntil(extendedLeaseEnd);
        Delivery second = receiveOne(broker);
        assertThat(now()).isAfterOrEqualTo(extendedLeaseEnd);
        assertThat(second.deliveryCount()).isEqualTo(2);
    }

    // --- retry after a delay ---

    @Test
    void retry_after_a_delay_shorter_than_the_lease_redelivers_once_the_delay_has_passed() throws Exception {
        InvocationQueue broker = brokerWithLease();
        broker.publish(to(queue));
        Instant fetchedAt = now();
        Delivery first = receiveOne(broker);

        Delivery second = retryAndReceiveAgain(broker, first, ackWait().dividedBy(2));

        assertThat(now()).as("redelivered before the lease would have run out").isBefore(fetchedAt.plus(ackWait()));
        assertThat(second.deliveryCount()).isEqualTo(2);
        assertThat(second.invocation()).isEqualTo(first.invocation());
    }

    @Test
    void a_deferred_invocation_is_held_back_until_its_start_time_and_then_delivered_for_the_first_time()
            throws Exception {
        InvocationQueue broker = brokerWithLease();
        Instant acceptedAt = now();
        Instant due = acceptedAt.plus(ackWait());
        Invocation deferred = deferredTo(queue, acceptedAt, due);
        broker.publish(deferred);
        Invocation undeferred = to(queue);
        broker.publish(undeferred);

        Delivery first = receiveOne(broker);
        assertThat(first.invocation()).as("the call that is due goes first").isEqualTo(undeferred);
        first.ack();
        timing.waitUntil(due.minus(deadlineMargin()));
        assertNothingDeliveredBefore(broker, due);
        assertPendingEventually(broker, 1, Map.of(FUNCTION, 1L));

        timing.letTimePassUntil(due);
        Delivery delivery = receiveOne(broker);
        assertThat(now()).as("delivered no sooner than its start time").isAfterOrEqualTo(due);
        assertThat(delivery.invocation()).isEqualTo(deferred);
        assertThat(delivery.deliveryCount()).isEqualTo(1);
    }

    @Test
    void retry_after_a_delay_longer_than_the_lease_holds_the_invocation_back_for_the_whole_delay()
            throws Exception {
        InvocationQueue broker = brokerWithLease();
        broker.publish(to(queue));
        Delivery first = receiveOne(broker);

        Delivery second = retryAndReceiveAgain(broker, first, ackWait().multipliedBy(2));

        assertThat(second.deliveryCount()).isEqualTo(2);
        assertThat(second.invocation()).isEqualTo(first.invocation());
    }

    // --- limits and statistics ---

    @Test
    void no_more_invocations_are_in_flight_than_max_inflight() throws Exception {
        InvocationQueue broker = brokerWith(OUTLASTS_ANY_TEST, 2, OUTLASTS_ANY_TEST);
        IntStream.range(0, 5).forEach(i -> broker.publish(to(queue)));

        List<Delivery> received = new ArrayList<>();
        timing.eventually().until(() -> {
            received.addAll(broker.fetch(queue, 5, FETCH_WAIT));
            return received.size() >= 2;
        });

        assertThat(received).hasSize(2);
        assertNothingDelivered(broker, queue);
        assertStatsEventually(broker, queue, 5, 2, Map.of(FUNCTION, 5L));
    }

    @Test
    void a_queue_holding_its_most_due_or_running_calls_refuses_another_until_one_is_settled() throws Exception {
        InvocationQueue broker = brokerWith(new QueueSettings(OUTLASTS_ANY_TEST, ROOMY_INFLIGHT, OUTLASTS_ANY_TEST, 2));
        Invocation first = to(queue);
        broker.publish(first);
        broker.publish(to(queue));

        assertThatThrownBy(() -> broker.publish(to(queue))).isInstanceOf(QueueFullException.class);
        assertThat(broker.publish(resubmissionOf(first)).duplicate()).as("a duplicate is no new call").isTrue();
        Instant acceptedAt = now();
        assertThat(broker.publish(deferredTo(queue, acceptedAt, acceptedAt.plus(OUTLASTS_ANY_TEST))).duplicate())
                .as("a call waiting for its start time is not counted").isFalse();
        Delivery running = receiveOne(broker);
        assertThatThrownBy(() -> broker.publish(to(queue))).as("a running call counts").isInstanceOf(QueueFullException.class);

        running.ack();

        Invocation next = to(queue);
        timing.eventually().until(() -> isAccepted(broker, next));
        assertStatsEventually(broker, queue, 3, 0, Map.of(FUNCTION, 3L));
    }

    @Test
    void settling_a_delivery_frees_its_in_flight_slot() throws Exception {
        InvocationQueue broker = brokerWith(OUTLASTS_ANY_TEST, 1, OUTLASTS_ANY_TEST);
        broker.publish(to(queue));
        Invocation waiting = to(queue);
        broker.publish(waiting);
        Delivery held = receiveOne(broker);
        assertNothingDelivered(broker, queue);

        held.ack();

        assertThat(receiveOne(broker).invocation()).isEqualTo(waiting);
    }

    @Test
    void statistics_count_waiting_delayed_and_in_flight_invocations_exactly() {
        InvocationQueue broker = broker();
        broker.publish(to(queue, FUNCTION));
        broker.publish(to(queue, FUNCTION));
        broker.publish(to(queue, OTHER_FUNCTION));
        assertStatsEventually(broker, queue, 3, 0, Map.of(FUNCTION, 2L, OTHER_FUNCTION, 1L));

        Delivery first = receiveOne(broker);
        assertStatsEventually(broker, queue, 3, 1, Map.of(FUNCTION, 2L, OTHER_FUNCTION, 1L));

        first.ack();
        assertStatsEventually(broker, queue, 2, 0, Map.of(FUNCTION, 1L, OTHER_FUNCTION, 1L));

        receiveOne(broker).retryAfter(OUTLASTS_ANY_TEST);
        assertPendingEventually(broker, 2, Map.of(FUNCTION, 1L, OTHER_FUNCTION, 1L));

        Delivery third = receiveOne(broker);
        assertThat(third.invocation().function()).isEqualTo(OTHER_FUNCTION);
        third.reject();
        assertPendingEventually(broker, 1, Map.of(FUNCTION, 1L));
    }

    @Test
    void a_queue_nothing_was_published_to_is_empty() throws Exception {
        InvocationQueue broker = broker();

        assertThat(broker.stats(queue)).isEqualTo(new QueueStats(queue, 0, 0, Map.of()));
        assertThat(broker.purge(queue)).isZero();
        assertNothingDelivered(broker, queue);
    }

    @Test
    void purge_removes_the_waiting_invocations_and_leaves_the_ones_in_flight() throws Exception {
        InvocationQueue broker = broker();
        IntStream.range(0, 3).forEach(i -> broker.publish(to(queue)));
        Delivery held = receiveOne(broker);

        assertThat(broker.purge(queue)).isEqualTo(2);

        assertStatsEventually(broker, queue, 1, 1, Map.of(FUNCTION, 1L));
        assertNothingDelivered(broker, queue);
        held.ack();
        assertStatsEventually(broker, queue, 0, 0, Map.of());
    }

    // --- order and independence ---

    @Test
    void invocations_of_one_queue_are_delivered_in_the_order_they_were_published() {
        InvocationQueue broker = broker();
        List<Invocation> published = IntStream.range(0, 6)
                .mapToObj(i -> to(queue, i % 2 == 0 ? FUNCTION : OTHER_FUNCTION))
                .toList();
        published.forEach(broker::publish);

        for (Invocation next : published) {
            assertThat(receive(broker, queue, 1)).extracting(Delivery::invocation).containsExactly(next);
        }
    }

    @Test
    void queues_are_independent_of_each_other() throws Exception {
        InvocationQueue broker = brokerWith(OUTLASTS_ANY_TEST, 1, OUTLASTS_ANY_TEST);
        QueueName other = uniqueQueueName();
        Invocation mine = to(queue);
        broker.publish(mine);
        broker.publish(to(queue));
        Invocation theirs = to(other);
        broker.publish(theirs);
        broker.publish(to(other));

        assertThat(receiveOne(broker).invocation()).isEqualTo(mine);
        assertNothingDelivered(broker, queue);
        assertThat(receive(broker, other, 1)).extracting(Delivery::invocation)
                .as("a full queue does not hold back another").containsExactly(theirs);

        assertThat(broker.purge(queue)).isEqualTo(1);
        assertStatsEventually(broker, queue, 1, 1, Map.of(FUNCTION, 1L));
        assertStatsEventually(broker, other, 2, 1, Map.of(FUNCTION, 2L));
    }

    // --- lifecycle ---

    @Test
    void a_broker_is_available_until_it_is_closed_and_then_refuses_to_publish() {
        InvocationQueue broker = broker();
        assertThat(broker.isAvailable()).isTrue();

        broker.close();

        assertThat(broker.isAvailable()).isFalse();
        assertThatThrownBy(() -> broker.publish(to(queue))).isInstanceOf(QueueUnavailableException.class);
    }

    // --- brokers ---

    /** A broker whose leases, limits and duplicate window no test outlasts. */
    private InvocationQueue broker() {
        return brokerWith(OUTLASTS_ANY_TEST, ROOMY_INFLIGHT, OUTLASTS_ANY_TEST);
    }

    /** A broker whose leases run out after {@link #ackWait()}. */
    private InvocationQueue brokerWithLease() {
        return brokerWith(ackWait(), ROOMY_INFLIGHT, OUTLASTS_ANY_TEST);
    }

    private InvocationQueue brokerWith(Duration ackWait, int maxInflight, Duration duplicateWindow) {
        return brokerWith(new QueueSettings(ackWait, maxInflight, duplicateWindow));
    }

    private InvocationQueue brokerWith(QueueSettings settings) {
        InvocationQueue broker = newQueue(settings);
        brokers.add(broker);
        return broker;
    }

    /** Publishes the invocation; false when the queue is full. */
    private static boolean isAccepted(InvocationQueue broker, Invocation invocation) {
        try {
            return !broker.publish(invocation).duplicate();
        } catch (QueueFullException full) {
            return false;
        }
    }

    // --- receiving ---

    /**
     * Checks that nothing is delivered before {@code deadline} by one fetch listening for
     * {@link #quietPeriod()}, which the suite starts {@link #deadlineMargin()} before it. A test
     * thread stalled past the deadline meanwhile (a loaded machine) may get what the deadline lets
     * the broker deliver, which then counts for nothing and is kept for the next receive.
     */
    private void assertNothingDeliveredBefore(InvocationQueue broker, Instant deadline) throws InterruptedException {
        List<Delivery> delivered = broker.fetch(queue, ROOMY_INFLIGHT, quietPeriod());
        if (!delivered.isEmpty() && !now().isBefore(deadline)) {
            deliveredAtTheDeadline.addAll(delivered);
            return;
        }
        assertThat(delivered).as("deliveries from %s before %s", queue, deadline).isEmpty();
    }

    private Delivery receiveOne(InvocationQueue broker) {
        return receive(broker, queue, 1).get(0);
    }

    /** Exactly {@code count} deliveries, fetching until they are there. */
    private List<Delivery> receive(InvocationQueue broker, QueueName from, int count) {
        List<Delivery> received = new ArrayList<>();
        if (from.equals(queue)) {
            while (received.size() < count && !deliveredAtTheDeadline.isEmpty()) {
                received.add(deliveredAtTheDeadline.remove(0));
            }
        }
        timing.eventually().until(() -> {
            received.addAll(broker.fetch(from, count - received.size(), FETCH_WAIT));
            return received.size() >= count;
        });
        assertThat(received).as("deliveries of at most the number asked for").hasSize(count);
        return received;
    }

    private void assertNothingDelivered(InvocationQueue broker, QueueName from) throws InterruptedException {
        assertThat(broker.fetch(from, ROOMY_INFLIGHT, quietPeriod())).as("deliveries from %s", from).isEmpty();
    }

    private Delivery retryAndReceiveAgain(InvocationQueue broker, Delivery delivery, Duration delay)
            throws InterruptedException {
        Instant retriedAt = now();
        delivery.retryAfter(delay);
        Instant due = retriedAt.plus(delay);

        timing.waitUntil(due.minus(deadlineMargin()));
        assertNothingDeliveredBefore(broker, due);

        timing.letTimePassUntil(due);
        Delivery again = receiveOne(broker);
        assertThat(now()).as("redelivered no sooner than the delay").isAfterOrEqualTo(due);
        return again;
    }

    private void assertStatsEventually(
            InvocationQueue broker, QueueName of, long pending, long inFlight, Map<FunctionName, Long> byFunction) {
        QueueStats expected = new QueueStats(of, pending, inFlight, byFunction);
        timing.eventually().untilAsserted(() -> assertThat(broker.stats(of)).isEqualTo(expected));
    }

    /** Pending counts only, for when a message waits out a retry delay and in-flight is left open. */
    private void assertPendingEventually(InvocationQueue broker, long pending, Map<FunctionName, Long> byFunction) {
        timing.eventually().untilAsserted(() -> {
            QueueStats stats = broker.stats(queue);
            assertThat(stats.pending()).as("pending").isEqualTo(pending);
            assertThat(stats.pendingByFunction()).as("pending by function").isEqualTo(byFunction);
        });
    }
}
