package io.invoq.adapter.jetstream;

import io.invoq.domain.FunctionName;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.QueueSettings;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumers of function mode: one durable pull consumer per function with pending calls, named
 * {@code <durable>-fn-<function>} and filtered on {@code <queue>.<function>}, made when a worker first
 * fetches the function's calls. Its max ack pending is the function's concurrency bound, so that
 * JetStream itself holds back what all workers together may hold; a changed bound is applied to the
 * existing consumer. A consumer whose function has had no pending call for the inactive threshold is
 * removed by whichever worker notices first, and only while nothing of it is in flight.
 */
final class FunctionConsumers {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionConsumers.class);

    private final JetStreamConnection connection;
    private final StreamProvisioner provisioner;
    private final QueueSettings queueSettings;
    private final Duration inactiveThreshold;
    /** The max ack pending each consumer this process made or adjusted has, by name. */
    private final Map<String, Long> known = new ConcurrentHashMap<>();
    /** Since when (nanoTime) each function's subject was seen empty, by consumer name. */
    private final Map<String, Long> emptySince = new ConcurrentHashMap<>();
    private final Map<QueueName, Long> nextSweep = new ConcurrentHashMap<>();

    FunctionConsumers(JetStreamConnection connection, StreamProvisioner provisioner, QueueSettings queueSettings,
                      Duration inactiveThreshold) {
        this.connection = connection;
        this.provisioner = provisioner;
        this.queueSettings = queueSettings;
        this.inactiveThreshold = inactiveThreshold;
    }

    /** The function's consumer, made or adjusted to {@code concurrency} (0: the queue's in-flight limit). */
    String ensure(QueueLayout layout, FunctionName function, int concurrency) throws IOException, JetStreamApiException {
        String durable = layout.functionDurable(function);
        long maxAckPending = concurrency > 0 ? concurrency : queueSettings.maxAckPending();
        emptySince.remove(durable);
        Long current = known.get(durable);
        if (current != null && current == maxAckPending) {
            return durable;
        }
        JetStreamManagement management = connection.client().management();
        ConsumerConfiguration wanted = provisioner.functionConsumer(layout, function, (int) maxAckPending);
        try {
            ConsumerInfo existing = management.getConsumerInfo(layout.stream(), durable);
            if (existing.getConsumerConfiguration().getMaxAckPending() != maxAckPending) {
                management.addOrUpdateConsumer(layout.stream(), ConsumerConfiguration
                        .builder(existing.getConsumerConfiguration()).maxAckPending(maxAckPending).build());
                LOG.info("consumer {} of stream {} now holds at most {} calls at once", durable, layout.stream(),
                        maxAckPending);
            }
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != BrokerFailures.CONSUMER_NOT_FOUND) {
                throw e;
            }
            management.addOrUpdateConsumer(layout.stream(), wanted);
            LOG.info("created consumer {} of stream {} for function {}", durable, layout.stream(), function);
        }
        known.put(durable, maxAckPending);
        return durable;
    }

    /**
     * Forgets what it knew of the consumers of functions with nothing pending: another worker may
     * remove them, and a pull from a removed consumer is never answered, so the next fetch looks first.
     */
    void forgetAllBut(QueueLayout layout, java.util.Set<FunctionName> pending) {
        known.keySet().removeIf(durable -> layout.functionOfDurable(durable).filter(pending::contains).isEmpty()
                && durable.startsWith(layout.functionDurablePrefix()));
    }

    /** Forgets a consumer that was found missing, so that the next fetch makes it again. */
    void forget(QueueLayout layout, FunctionName function) {
        known.remove(layout.functionDurable(function));
    }

    /**
     * Removes the consumers of functions that have had no pending call for the inactive threshold,
     * looking at most every tenth of it.
     *
     * @param pending the functions with calls in the queue's stream now
     */
    void sweep(QueueLayout layout, java.util.Set<FunctionName> pending) throws IOException, JetStreamApiException {
        long now = System.nanoTime();
        Long next = nextSweep.get(layout.queue());
        if (next != null && now - next < 0) {
            return;
        }
        nextSweep.put(layout.queue(), now + inactiveThreshold.toNanos() / 10);
        JetStreamManagement management = connection.client().management();
        for (String durable : management.getConsumerNames(layout.stream())) {
            var function = layout.functionOfDurable(durable);
            if (function.isEmpty()) {
                continue;
            }
            if (pending.contains(function.get())) {
                emptySince.remove(durable);
                continue;
            }
            long since = emptySince.computeIfAbsent(durable, name -> now);
            if (now - since >= inactiveThreshold.toNanos()) {
                removeIfIdle(management, layout, durable);
            }
        }
    }

    private void removeIfIdle(JetStreamManagement management, QueueLayout layout, String durable)
            throws IOException, JetStreamApiException {
        try {
            ConsumerInfo info = management.getConsumerInfo(layout.stream(), durable);
            if (info.getNumAckPending() == 0 && info.getNumPending() == 0) {
                management.deleteConsumer(layout.stream(), durable);
                LOG.info("removed consumer {} of stream {}: no pending call for {}", durable, layout.stream(),
                        inactiveThreshold);
            }
        } catch (JetStreamApiException e) {
            if (!BrokerFailures.isNotFound(e)) {
                throw e;
            }
        }
        known.remove(durable);
        emptySince.remove(durable);
    }
}
