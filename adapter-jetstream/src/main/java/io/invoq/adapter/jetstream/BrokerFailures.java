package io.invoq.adapter.jetstream;

import io.invoq.ports.out.QueueFullException;
import io.invoq.ports.out.QueueUnavailableException;
import io.nats.client.JetStreamApiException;
import java.util.Set;

/** Turns jnats failures into the broker port's exceptions. */
final class BrokerFailures {

    // JetStream API error codes, from nats-server's errors.json
    static final int CONSUMER_NOT_FOUND = 10014;
    static final int STREAM_NOT_FOUND = 10059;
    static final int STREAM_NAME_IN_USE = 10058;
    static final int SEQUENCE_NOT_FOUND = 10043;
    static final int NO_MESSAGE_FOUND = 10037;
    /** A key-value create or update lost a race: the key changed since it was read. */
    static final int WRONG_LAST_SEQUENCE = 10071;
    private static final int STREAM_STORE_FAILED = 10077;
    /** A publish's expected stream is not the one that takes its subject. */
    private static final int WRONG_STREAM = 10060;
    /** jnats's words when nothing subscribes to a request's subject, e.g. a publish without a stream. */
    private static final String NO_RESPONDERS = "No Responders";
    private static final Set<Integer> OUT_OF_RESOURCES = Set.of(10023, 10028, 10047);
    private static final String LIMIT_REACHED = "maximum";

    private BrokerFailures() {
    }

    static RuntimeException translate(String action, Exception failure) {
        if (failure instanceof QueueUnavailableException || failure instanceof QueueFullException) {
            return (RuntimeException) failure;
        }
        if (failure instanceof JetStreamApiException api && isFull(api)) {
            return new QueueFullException(action + ": " + api.getErrorDescription());
        }
        return new QueueUnavailableException(action + ": " + failure.getMessage(), failure);
    }

    /** Whether a request failed because no stream, or not the expected one, takes its subject. */
    static boolean isNoStream(Exception failure) {
        if (failure instanceof JetStreamApiException api) {
            return api.getApiErrorCode() == STREAM_NOT_FOUND || api.getApiErrorCode() == WRONG_STREAM;
        }
        return String.valueOf(failure.getMessage()).contains(NO_RESPONDERS);
    }

    static boolean isNotFound(JetStreamApiException failure) {
        int code = failure.getApiErrorCode();
        return code == STREAM_NOT_FOUND || code == CONSUMER_NOT_FOUND;
    }

    private static boolean isFull(JetStreamApiException failure) {
        int code = failure.getApiErrorCode();
        String description = String.valueOf(failure.getErrorDescription());
        return OUT_OF_RESOURCES.contains(code) || code == STREAM_STORE_FAILED && description.contains(LIMIT_REACHED);
    }
}
