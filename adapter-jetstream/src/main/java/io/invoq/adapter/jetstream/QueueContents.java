package io.invoq.adapter.jetstream;

import io.invoq.domain.FunctionName;
import io.invoq.ports.out.QueueStats;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PurgeOptions;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamInfoOptions;
import io.nats.client.api.StreamState;
import io.nats.client.api.Subject;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/** What a queue's streams hold: counted, or removed. A stream that does not exist holds nothing. */
final class QueueContents {

    /** Bounds the messages read to count what the stream keeps beyond the consumer's ack floor. */
    private static final long MAX_ACKED_LOOKED_AT = 10_000;

    /** Read a queue's delayed stream while the calling thread reads the others. */
    private static final Executor READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "invoq-queue-contents");
        thread.setDaemon(true);
        return thread;
    });

    private final JetStreamConnection connection;

    QueueContents(JetStreamConnection connection) {
        this.connection = connection;
    }

    /**
     * Pending are the calls workers will still get: those the workers' consumer has not delivered
     * yet or awaits an ack for, and the delayed ones; in flight those awaiting an ack. Messages the
     * queue's stream keeps at or below the consumer's ack floor are not counted: after a crash
     * nats-server 2.9 may keep messages that were acked, which no consumer delivers again.
     *
     * <p>The delayed stream is read while the consumers and then the queue's stream are: a stream
     * read after its consumers no longer holds what they had acked, so that only messages it really
     * kept are found at or below the ack floor, and read one by one to be taken out of the counts.
     */
    QueueStats stats(QueueLayout layout) throws IOException, JetStreamApiException {
        JetStreamManagement management = connection.client().management();
        CompletableFuture<Optional<StreamState>> delayedState = meanwhile(
                () -> state(management, layout.delayedStream(), layout.delayedSubjects()));
        List<ConsumerInfo> consumers = workerConsumers(management, layout);
        Optional<ConsumerInfo> consumer = consumers.stream().filter(info -> info.getName().equals(layout.durable()))
                .findFirst();
        Map<FunctionName, Long> byFunction = new HashMap<>();
        Optional<StreamState> queued = state(management, layout.stream(), layout.subjects());
        queued.ifPresent(state -> countByFunction(layout, state, byFunction));
        long pending = queued.map(StreamState::getMsgCount).orElse(0L);
        if (consumer.isPresent() && queued.isPresent()) {
            pending = Math.min(pending, consumer.get().getNumPending() + consumer.get().getNumAckPending());
            uncountAcked(management, layout, queued.get(), consumer.get(), byFunction);
        }
        Optional<StreamState> delayed = await(delayedState);
        delayed.ifPresent(state -> countByFunction(layout, state, byFunction));
        pending += delayed.map(StreamState::getMsgCount).orElse(0L);
        // in function mode, the calls in flight are those of the functions' consumers
        long inFlight = consumers.stream().mapToLong(ConsumerInfo::getNumAckPending).sum();
        return new QueueStats(layout.queue(), pending, inFlight, byFunction);
    }

    /** A request to the broker. */
    private interface Request<T> {
        T send() throws IOException, JetStreamApiException;
    }

    private static <T> CompletableFuture<T> meanwhile(Request<T> request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return request.send();
            } catch (IOException | JetStreamApiException e) {
                throw new CompletionException(e);
            }
        }, READERS);
    }

    private static <T> T await(CompletableFuture<T> answer) throws IOException, JetStreamApiException {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException failed) {
                throw failed;
            }
            if (e.getCause() instanceof JetStreamApiException refused) {
                throw refused;
            }
            if (e.getCause() instanceof RuntimeException failed) {
                throw failed;
            }
            throw e;
        }
    }

    /** Takes the messages at or below the consumer's ack floor out of the counts by function. */
    private static void uncountAcked(JetStreamManagement management, QueueLayout layout, StreamState state,
                                     ConsumerInfo consumer, Map<FunctionName, Long> byFunction)
            throws IOException, JetStreamApiException {
        long first = Math.max(1, state.getFirstSequence());
        long last = Math.min(consumer.getAckFloor().getStreamSequence(), first + MAX_ACKED_LOOKED_AT);
        for (long sequence = first; state.getMsgCount() > 0 && sequence <= last; sequence++) {
            Optional<MessageInfo> message = message(management, layout.stream(), sequence);
            message.flatMap(info -> layout.functionOf(info.getSubject()))
                    .ifPresent(function -> byFunction.computeIfPresent(function, (key, count) -> count > 1 ? count - 1 : null));
        }
    }

    /** The functions with messages in the queue's stream: due, or in flight. */
    Set<FunctionName> functionsWithCalls(QueueLayout layout) throws IOException, JetStreamApiException {
        Map<FunctionName, Long> byFunction = new HashMap<>();
        state(connection.client().management(), layout.stream(), layout.subjects())
                .ifPresent(state -> countByFunction(layout, state, byFunction));
        return byFunction.entrySet().stream().filter(entry -> entry.getValue() > 0).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Whether the queue's stream has a consumer of that name. */
    boolean hasConsumer(QueueLayout layout, String durable) {
        try {
            connection.client().management().getConsumerInfo(layout.stream(), durable);
            return true;
        } catch (JetStreamApiException e) {
            if (BrokerFailures.isNotFound(e)) {
                return false;
            }
            throw BrokerFailures.translate("cannot read consumer " + durable, e);
        } catch (IOException e) {
            throw BrokerFailures.translate("cannot read consumer " + durable, e);
        }
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

    private static Optional<StreamState> state(JetStreamManagement management, String stream, String subjects)
            throws IOException, JetStreamApiException {
        try {
            return Optional.of(management.getStreamInfo(stream, StreamInfoOptions.filterSubjects(subjects))
                    .getStreamState());
        } catch (JetStreamApiException e) {
            if (BrokerFailures.isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void countByFunction(QueueLayout layout, StreamState state, Map<FunctionName, Long> byFunction) {
        for (Subject subject : Optional.ofNullable(state.getSubjects()).orElse(List.of())) {
            layout.functionOf(subject.getName())
                    .ifPresent(function -> byFunction.merge(function, subject.getCount(), Long::sum));
        }
    }

    private static Optional<MessageInfo> message(JetStreamManagement management, String stream, long sequence)
            throws IOException, JetStreamApiException {
        try {
            return Optional.of(management.getMessage(stream, sequence));
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == BrokerFailures.NO_MESSAGE_FOUND || BrokerFailures.isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The consumers of the queue's workers: the shared one of static mode, those of function mode. */
    private static List<ConsumerInfo> workerConsumers(JetStreamManagement management, QueueLayout layout)
            throws IOException, JetStreamApiException {
        try {
            return management.getConsumers(layout.stream()).stream()
                    .filter(info -> info.getName().equals(layout.durable())
                            || layout.functionOfDurable(info.getName()).isPresent())
                    .toList();
        } catch (JetStreamApiException e) {
            if (BrokerFailures.isNotFound(e)) {
                return List.of();
            }
            throw e;
        }
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
        if (consumer.isEmpty()) {
            List<ConsumerInfo> inFlight = workerConsumers(management, layout).stream()
                    .filter(info -> info.getNumAckPending() > 0).toList();
            return inFlight.isEmpty() ? purgeAll(management, layout.stream())
                    : purgeUndeliveredByFunction(management, layout, inFlight);
        }
        if (consumer.get().getNumAckPending() == 0) {
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

    /**
     * Function mode: a function with calls in flight keeps its messages up to the last its consumer
     * handed out; every other function's subject is purged whole.
     */
    private static long purgeUndeliveredByFunction(JetStreamManagement management, QueueLayout layout,
                                                   List<ConsumerInfo> inFlight) throws IOException, JetStreamApiException {
        Map<String, Long> lastHandedOut = new HashMap<>();
        inFlight.forEach(info -> lastHandedOut.put(info.getConsumerConfiguration().getFilterSubject(),
                info.getDelivered().getStreamSequence()));
        Optional<StreamState> state = state(management, layout.stream(), layout.subjects());
        long removed = 0;
        for (Subject subject : state.map(StreamState::getSubjects).orElse(List.of())) {
            Long kept = lastHandedOut.get(subject.getName());
            if (kept == null) {
                removed += management.purgeStream(layout.stream(), PurgeOptions.subject(subject.getName())).getPurged();
            } else {
                removed += deleteAfter(management, layout.stream(), subject.getName(), kept);
            }
        }
        return removed;
    }

    private static long deleteAfter(JetStreamManagement management, String stream, String subject, long sequence)
            throws IOException, JetStreamApiException {
        long removed = 0;
        long next = sequence + 1;
        while (true) {
            MessageInfo message;
            try {
                message = management.getNextMessage(stream, next, subject);
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() == BrokerFailures.NO_MESSAGE_FOUND) {
                    return removed;
                }
                throw e;
            }
            if (deleteIfPresent(management, stream, message.getSeq())) {
                removed++;
            }
            next = message.getSeq() + 1;
        }
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
