package io.invoq.ports.contract;

import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.domain.ScalingMode;
import io.invoq.ports.out.Delivery;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.PublishReceipt;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.QueueStats;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broker under test, instrumented: it does all the work and records what the worker did with
 * each delivery, each record made once the broker has taken the action.
 */
final class RecordingQueue implements InvocationQueue {

    private final InvocationQueue broker;
    private final QueueSettings settings;
    private final List<CallId> delivered = new CopyOnWriteArrayList<>();
    private final List<Settlement> settlements = new CopyOnWriteArrayList<>();
    private final AtomicInteger leaseExtensions = new AtomicInteger();
    private final Set<CallId> losingTheirFirstAck = ConcurrentHashMap.newKeySet();

    RecordingQueue(InvocationQueue broker, QueueSettings settings) {
        this.broker = broker;
        this.settings = settings;
    }

    /** The settings the broker was made with. */
    QueueSettings settings() {
        return settings;
    }

    @Override
    public PublishReceipt publish(Invocation invocation) {
        return broker.publish(invocation);
    }

    @Override
    public List<Delivery> fetch(QueueName queue, int max, Duration maxWait) throws InterruptedException {
        List<Delivery> deliveries = broker.fetch(queue, max, maxWait);
        deliveries.forEach(delivery -> delivered.add(delivery.invocation().callId()));
        return deliveries.stream().<Delivery>map(RecordingDelivery::new).toList();
    }

    @Override
    public void useScalingMode(QueueName queue, ScalingMode mode) {
        broker.useScalingMode(queue, mode);
    }

    @Override
    public Set<FunctionName> functionsWithCalls(QueueName queue, Duration maxWait) throws InterruptedException {
        return broker.functionsWithCalls(queue, maxWait);
    }

    @Override
    public List<Delivery> fetch(QueueName queue, FunctionName function, int max, int concurrency)
            throws InterruptedException {
        List<Delivery> deliveries = broker.fetch(queue, function, max, concurrency);
        deliveries.forEach(delivery -> delivered.add(delivery.invocation().callId()));
        return deliveries.stream().<Delivery>map(RecordingDelivery::new).toList();
    }

    @Override
    public QueueStats stats(QueueName queue) {
        return broker.stats(queue);
    }

    @Override
    public long purge(QueueName queue) {
        return broker.purge(queue);
    }

    @Override
    public boolean isAvailable() {
        return broker.isAvailable();
    }

    @Override
    public void close() {
        broker.close();
    }

    /**
     * The call's first ack never reaches the broker, as if the worker had died before sending it: the
     * broker delivers the call again once its lease runs out. Recorded as {@link Settlement.Outcome#LOST_ACK}.
     */
    void loseFirstAckOf(CallId call) {
        losingTheirFirstAck.add(call);
    }

    /** How often the call was handed to a worker. */
    long deliveriesOf(CallId call) {
        return delivered.stream().filter(call::equals).count();
    }

    /** What the worker did with each delivery of the call, in order. */
    List<Settlement> settlementsOf(CallId call) {
        return settlements.stream().filter(settlement -> settlement.callId().equals(call)).toList();
    }

    boolean wasAcked(CallId call) {
        return settlementsOf(call).contains(Settlement.ack(call));
    }

    /** Lease extensions of every delivery, the ones the broker ignored included. */
    int leaseExtensions() {
        return leaseExtensions.get();
    }

    /** How a delivery was settled; {@code delay} is zero but for a retry. */
    record Settlement(CallId callId, Outcome outcome, Duration delay) {

        enum Outcome { ACK, LOST_ACK, RETRY, REJECT }

        static Settlement ack(CallId call) {
            return new Settlement(call, Outcome.ACK, Duration.ZERO);
        }

        static Settlement retry(CallId call, Duration delay) {
            return new Settlement(call, Outcome.RETRY, delay);
        }
    }

    private final class RecordingDelivery implements Delivery {

        private final Delivery delivery;

        RecordingDelivery(Delivery delivery) {
            this.delivery = delivery;
        }

        @Override
        public Invocation invocation() {
            return delivery.invocation();
        }

        @Override
        public int deliveryCount() {
            return delivery.deliveryCount();
        }

        @Override
        public void ack() {
            if (losingTheirFirstAck.remove(callId())) {
                settlements.add(new Settlement(callId(), Settlement.Outcome.LOST_ACK, Duration.ZERO));
                return;
            }
            delivery.ack();
            settlements.add(Settlement.ack(callId()));
        }

        @Override
        public void retryAfter(Duration delay) {
            delivery.retryAfter(delay);
            settlements.add(Settlement.retry(callId(), delay));
        }

        @Override
        public void extendLease() {
            leaseExtensions.incrementAndGet();
            delivery.extendLease();
        }

        @Override
        public void reject() {
            delivery.reject();
            settlements.add(new Settlement(callId(), Settlement.Outcome.REJECT, Duration.ZERO));
        }

        private CallId callId() {
            return delivery.invocation().callId();
        }
    }
}
