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
 * an interest change each time. Concurrent pulls of one consumer each take a subscription of their own.
 *
 * <p>A pull the server has not ended in time (the server, or this process, was stalled) is given up
 * by its caller, but its subscription is set aside until the server ends it: what the server sends it
 * meanwhile was delivered, and dropped it would come back only once its lease ran out, counted as one
 * more delivery. The next pulls of the consumer take it first, so a late answer is handed out once
 * and never ends or overfills a later pull.
 */
final class ConsumerPulls {

    /** A pull that ends this long before its deadline was ended by the server, not by the wait. */
    private static final long ENDED_BY_SERVER_MARGIN_NANOS = Duration.ofMillis(1).toNanos();
    /** How long a pull given up is kept at most, when the server does not end it: it is the server's to end. */
    private static final Duration GIVEN_UP_KEPT_AT_MOST = Duration.ofMinutes(1);

    private final Map<String, Deque<JetStreamSubscription>> idle = new ConcurrentHashMap<>();
    private final Map<String, Deque<GivenUp>> givenUp = new ConcurrentHashMap<>();

    /** A pull's subscription set aside, until {@code keptUntilNanos}, for what the server still sends it. */
    private record GivenUp(JetStreamSubscription subscription, long keptUntilNanos) {
    }

    /** @param answerGrace how long past {@code wait} to wait for the server's answer */
    List<Message> pull(JetStream jetStream, String stream, String durable, int max, Duration wait, Duration answerGrace)
            throws IOException, JetStreamApiException, InterruptedException {
        String consumer = stream + '\n' + durable;
        List<Message> messages = new ArrayList<>(max);
        takeLateAnswers(consumer, messages, max);
        if (!messages.isEmpty()) {
            return messages;
        }
        Deque<JetStreamSubscription> subscriptions = idle.computeIfAbsent(consumer, key -> new ConcurrentLinkedDeque<>());
        JetStreamSubscription subscription = subscriptions.pollFirst();
        if (subscription == null || !subscription.isActive()) {
            subscription = jetStream.subscribe(null, PullSubscribeOptions.fastBind(stream, durable));
        }
        boolean endedByServer = false;
        boolean givenUpInTime = false;
        try {
            PullRequestOptions.Builder request = PullRequestOptions.noWait(max);
            if (!wait.isZero() && !wait.isNegative()) {
                request.expiresIn(wait);
            }
            subscription.pull(request.build());
            long deadline = System.nanoTime() + wait.plus(answerGrace).toNanos();
            while (messages.size() < max) {
                long left = deadline - System.nanoTime();
                Message message = left > 0 ? subscription.nextMessage(Duration.ofNanos(left)) : null;
                if (message == null) {
                    endedByServer = deadline - System.nanoTime() > ENDED_BY_SERVER_MARGIN_NANOS;
                    givenUpInTime = !endedByServer;
                    break;
                }
                messages.add(message);
            }
            endedByServer |= messages.size() == max;
        } finally {
            if (endedByServer) {
                subscriptions.offerFirst(subscription);
            } else if (givenUpInTime && subscription.isActive()) {
                givenUp.computeIfAbsent(consumer, key -> new ConcurrentLinkedDeque<>()).offerLast(
                        new GivenUp(subscription, System.nanoTime() + GIVEN_UP_KEPT_AT_MOST.toNanos()));
            } else {
                subscription.unsubscribe();
            }
        }
        if (messages.isEmpty()) {
            takeLateAnswers(consumer, messages, max);
        }
        return messages;
    }

    /**
     * Adds, up to {@code max}, what pulls given up have received since, without waiting; drops those
     * the server has ended, or that were kept for {@link #GIVEN_UP_KEPT_AT_MOST}.
     */
    private void takeLateAnswers(String consumer, List<Message> messages, int max) throws InterruptedException {
        Deque<GivenUp> pulls = givenUp.get(consumer);
        if (pulls == null) {
            return;
        }
        for (int looked = pulls.size(); looked > 0 && messages.size() < max; looked--) {
            GivenUp pull = pulls.pollFirst();
            if (pull == null) {
                return;
            }
            JetStreamSubscription subscription = pull.subscription();
            boolean ended;
            try {
                ended = !subscription.isActive() || takeArrived(subscription, messages, max);
            } catch (IllegalStateException endedInError) {
                ended = true;
            }
            boolean mayHoldMore = messages.size() == max;
            if (!ended && (mayHoldMore || System.nanoTime() - pull.keptUntilNanos() < 0)) {
                pulls.offerLast(pull);
            } else if (subscription.isActive()) {
                subscription.unsubscribe();
            }
        }
    }

    /** Adds what the subscription holds, up to {@code max}; true when it held the status that ends its pull. */
    private static boolean takeArrived(JetStreamSubscription subscription, List<Message> messages, int max)
            throws InterruptedException {
        while (messages.size() < max) {
            boolean held = subscription.getPendingMessageCount() > 0;
            Message late = subscription.nextMessage((Duration) null);
            if (late == null) {
                return held;
            }
            messages.add(late);
        }
        return false;
    }
}
