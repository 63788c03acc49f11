package io.invoq.adapter.jetstream;

import io.nats.client.Message;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What becomes of a message this process cannot read. */
final class UnreadableMessages {

    /** How long a newer writer's message is left for an upgraded worker before this one looks again. */
    static final Duration LEFT_FOR_NEWER_READER = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(UnreadableMessages.class);

    private UnreadableMessages() {
    }

    static void setAside(Message message, UnreadableMessageException problem) {
        long sequence = message.metaData().streamSequence();
        if (problem.writtenByNewerVersion()) {
            LOG.warn("message {} of stream {} was written by a newer invoq ({}); leaving it to an upgraded worker",
                    sequence, message.metaData().getStream(), problem.getMessage());
            message.nakWithDelay(LEFT_FOR_NEWER_READER);
        } else {
            LOG.error("message {} of stream {} is not an invocation ({}); it will not be delivered again",
                    sequence, message.metaData().getStream(), problem.getMessage());
            message.term();
        }
    }
}
