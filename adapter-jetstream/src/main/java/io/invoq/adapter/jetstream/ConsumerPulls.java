package io.invoq.adapter.jetstream;

import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullRequestOptions;
import io.nats.client.PullSubscribeOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Pulls from durable consumers, each pull returning as soon as anything is available: a no-wait
 * request that, given an expiry, waits up to then for the first message and ends with what the
 * consumer has at that moment.
 *
 * <p>A pull's subscription is kept for the next pull of the same consumer once the server has ended
 * the pull, by filling the batch or with a status; subscribing anew for every pull costs the server
 * an interest change each time. A pull the server has not ended in time gives its subscription up,
 * so a late answer to it can never end or overfill a later pull. Concurrent pulls of one consumer
 * each take a subscription of their own.
 */
final class ConsumerPulls {

    /** A pull that ends this long before its deadline was ended by the server, not by the wait. */
    private static final long ENDED_BY_SERVER_MARGIN_NANOS = Duration.ofMillis(1).toNanos();

    private final Map<String, Deque<JetStreamSubscription>> idle = new ConcurrentHashMap<>();

    /** @param answerGrace how long past {@code wait} to wait for the server's answer */
    List<Message> pull(JetStream jetStream, String stream, String durable, int max, Duration wait, Duration answerGrace)
            throws IOException, JetStreamApiException, InterruptedException {
        Deque<JetStreamSubscription> subscriptions = idle.computeIfAbsent(stream + '\n' + durable,
                consumer -> new ConcurrentLinkedDeque<>());
        JetStreamSubscription subscription = subscriptions.pollFirst();
        if (subscription == null || !subscription.isActive()) {
            subscription = jetStream.subscribe(null, PullSubscribeOptions.fastBind(stream, durable));
        }
        boolean endedByServer = false;
        try {
            PullRequestOptions.Builder request = PullRequestOptions.noWait(max);
            if (!wait.isZero() && !wait.isNegative()) {
                request.expiresIn(wait);
            }
            subscription.pull(request.build());
            long deadline = System.nanoTime() + wait.plus(answerGrace).toNanos();
            List<Message> messages = new ArrayList<>(max);
            while (messages.size() < max) {
                long left = deadline - System.nanoTime();
                Message message = left > 0 ? subscription.nextMessage(Duration.ofNanos(left)) : null;
                if (message == null) {
                    endedByServer = deadline - System.nanoTime() > ENDED_BY_SERVER_MARGIN_NANOS;
                    return messages;
                }
                messages.add(message);
            }
            endedByServer = true;
            return messages;
        } finally {
            if (endedByServer) {
                subscriptions.offerFirst(subscription);
            } else {
                subscription.unsubscribe();
            }
        }
    }
}
