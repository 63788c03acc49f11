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
import java.util.List;

/**
 * One pull from a durable consumer that returns as soon as anything is available: a no-wait
 * request that, given an expiry, waits up to then for the first message and ends with what the
 * consumer has at that moment. Each pull has its own subscription, so pulls may run concurrently
 * and a late answer to an earlier pull cannot end a later one.
 */
final class ConsumerPull {

    private ConsumerPull() {
    }

    /** @param answerGrace how long past {@code wait} to wait for the server's answer */
    static List<Message> pull(JetStream jetStream, String stream, String durable, int max, Duration wait,
                              Duration answerGrace) throws IOException, JetStreamApiException, InterruptedException {
        JetStreamSubscription subscription = jetStream.subscribe(null, PullSubscribeOptions.fastBind(stream, durable));
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
                    break;
                }
                messages.add(message);
            }
            return messages;
        } finally {
            subscription.unsubscribe();
        }
    }
}
