package io.invoq.adapter.jetstream;

import io.invoq.domain.CallId;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.impl.NatsJetStreamMetaData;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a delivered message to another stream: stores a copy there, then acknowledges the
 * original. Given the same message id, moving the same original twice (after a crash between the
 * two steps) stores one copy, within the duplicate window.
 */
final class MessageMover {

    private static final Logger LOG = LoggerFactory.getLogger(MessageMover.class);

    private final JetStreamConnection connection;

    MessageMover(JetStreamConnection connection) {
        this.connection = connection;
    }

    /**
     * A message id naming the original, for a copy that must not be mistaken for the publisher's
     * own message, which has the call's de-duplication key as its message id.
     */
    static String copyId(CallId callId, Message original) {
        NatsJetStreamMetaData origin = original.metaData();
        return callId.value() + "#" + origin.getStream() + "/" + origin.streamSequence();
    }

    /** @throws RuntimeException from {@link BrokerFailures} when the copy was not stored */
    void move(Message original, String messageId, String subject, String stream, byte[] data) throws InterruptedException {
        PublishOptions options = PublishOptions.builder().messageId(messageId).expectedStream(stream).build();
        try {
            connection.client().jetStream().publish(subject, data, options);
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot move message " + messageId + " to " + stream, e);
        }
        try {
            original.ackSync(connection.requestTimeout());
        } catch (TimeoutException e) {
            // the acknowledgement stays queued on the connection and reaches the broker once it is back
            LOG.debug("acknowledgement of moved message {} not confirmed yet", messageId);
        }
    }
}
