package io.invoq.adapter.jetstream;

import io.invoq.domain.FunctionName;
import io.invoq.ports.out.QueueStats;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StreamInfoOptions;
import io.nats.client.api.StreamState;
import io.nats.client.api.Subject;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a queue's streams hold: counted, or removed. A stream that does not exist holds nothing. */
final class QueueContents {

    private final JetStreamConnection connection;

    QueueContents(JetStreamConnection connection) {
        this.connection = connection;
    }

    /** Pending are the messages of both streams, in flight those the workers' consumer awaits an ack for. */
    QueueStats stats(QueueLayout layout) throws IOException, JetStreamApiException {
        JetStreamManagement management = connection.client().management();
        Map<FunctionName, Long> byFunction = new HashMap<>();
        long pending = count(management, layout, layout.stream(), layout.subjects(), byFunction)
                + count(management, layout, layout.delayedStream(), layout.delayedSubjects(), byFunction);
        long inFlight = consumer(management, layout).map(ConsumerInfo::getNumAckPending).orElse(0L);
        return new QueueStats(layout.queue(), pending, inFlight, byFunction);
    }

    /**
     * Removes every delayed call and every message the consumer has not handed
     * out yet. Messages up to the last one handed out are left alone: they are in flight, or NAKed
     * and about to be redelivered, which JetStream does not tell apart.
     */
    long purge(QueueLayout layout) throws IOException, JetStreamApiException {
        JetStreamManagement management = connection.client().management();
        return purgeUndelivered(management, layout) + purgeAll(management, layout.delayedStream());
    }

    private static long count(JetStreamManagement management, QueueLayout layout, String stream, String subjects,
                              Map<FunctionName, Long> byFunction) throws IOException, JetStreamApiException {
        StreamState state;
        try {
            state = management.getStreamInfo(stream, StreamInfoOptions.filterSubjects(subjects)).getStreamState();
        } catch (JetStreamApiException e) {
            if (BrokerFailures.isNotFound(e)) {
                return 0;
            }
            throw e;
        }
        for (Subject subject : Optional.ofNullable(state.getSubjects()).orElse(List.of())) {
            layout.functionOf(subject.getName())
                    .ifPresent(function -> byFunction.merge(function, subject.getCount(), Long::sum));
        }
        return state.getMsgCount();
    }

    private static Optional<ConsumerInfo> consumer(JetStreamManagement management, QueueLayout layout)
            throws IOException, JetStreamApiException {
        try {
            return Optional.of(management.getConsumerInfo(layout.stream(), layout.durable()));
        } catch (JetStreamApiException e) {
            if (BrokerFailures.isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static long purgeUndelivered(JetStreamManagement management, QueueLayout layout)
            throws IOException, JetStreamApiException {
        Optional<ConsumerInfo> consumer = consumer(management, layout);
        if (consumer.isEmpty() || consumer.get().getNumAckPending() == 0) {
            return purgeAll(management, layout.stream());
        }
        long lastHandedOut = consumer.get().getDelivered().getStreamSequence();
        long last = management.getStreamInfo(layout.stream()).getStreamState().getLastSequence();
        long removed = 0;
        for (long sequence = lastHandedOut + 1; sequence <= last; sequence++) {
            if (deleteIfPresent(management, layout.stream(), sequence)) {
                removed++;
            }
        }
        return removed;
    }

    private static long purgeAll(JetStreamManagement management, String stream) throws IOException, JetStreamApiException {
        try {
            return management.purgeStream(stream).getPurged();
        } catch (JetStreamApiException e) {
            if (BrokerFailures.isNotFound(e)) {
                return 0;
            }
            throw e;
        }
    }

    private static boolean deleteIfPresent(JetStreamManagement management, String stream, long sequence)
            throws IOException, JetStreamApiException {
        try {
            return management.deleteMessage(stream, sequence, false);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == BrokerFailures.SEQUENCE_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
