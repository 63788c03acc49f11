package io.invoq.adapter.jetstream;

import io.invoq.domain.CallId;
import io.invoq.domain.EpochNanos;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.DeadLetter;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.DeadLetters;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.PurgeOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.nats.client.support.NatsJetStreamConstants;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dead letters in a stream per queue, {@code OF_<queue>_dlq}: one message per call, under a subject
 * of its own, so that a call dead-lettered again replaces its letter and a letter is found or
 * removed by its call id. The message is the call as its queue keeps it; how it ended rides in
 * headers. The stream keeps a letter for the retention (its max age) and is created on the first
 * letter of its queue; reading a queue that never had one creates nothing.
 */
final class JetStreamDeadLetters implements DeadLetters {

    private static final String ATTEMPTS = "Invoq-Attempts";
    private static final String LAST_STATUS = "Invoq-Last-Status";
    private static final String DEAD_LETTERED_AT = "Invoq-Dead-Lettered-At";
    private static final String REASON = "Invoq-Reason";
    private static final int LONGEST_REASON = 1000;

    private final JetStreamConnection connection;
    private final JetStreamSettings settings;
    private final DeadLetterSettings deadLetterSettings;
    private final MessageCodec codec = new MessageCodec();
    private final Map<QueueName, Boolean> provisioned = new ConcurrentHashMap<>();

    JetStreamDeadLetters(JetStreamConnection connection, JetStreamSettings settings,
                         DeadLetterSettings deadLetterSettings) {
        this.connection = connection;
        this.settings = settings;
        this.deadLetterSettings = deadLetterSettings;
    }

    @Override
    public void add(DeadLetter letter) {
        QueueLayout layout = QueueLayout.of(letter.invocation().queue(), settings);
        Headers headers = new Headers()
                .put(ATTEMPTS, Integer.toString(letter.attempts()))
                .put(LAST_STATUS, Integer.toString(letter.lastStatus()))
                .put(DEAD_LETTERED_AT, Long.toString(EpochNanos.of(letter.deadLetteredAt())));
        letter.reason().ifPresent(reason -> headers.put(REASON, asHeaderValue(reason)));
        NatsMessage message = NatsMessage.builder()
                .subject(layout.deadLetterSubject(letter.invocation().callId()))
                .headers(headers)
                .data(codec.encode(Envelope.of(letter.invocation())))
                .build();
        try {
            provision(layout);
            connection.client().jetStream().publish(message,
                    PublishOptions.builder().expectedStream(layout.deadLetterStream()).build());
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot keep call " + letter.invocation().callId() + " as a dead letter", e);
        }
    }

    @Override
    public List<DeadLetter> list(QueueName queue, int limit) {
        QueueLayout layout = QueueLayout.of(queue, settings);
        JetStreamManagement management = connection.client().management();
        List<DeadLetter> letters = new ArrayList<>();
        try {
            Optional<MessageInfo> next = nextAfter(management, layout, 0);
            while (next.isPresent() && letters.size() < limit) {
                letters.add(letter(next.get()));
                next = nextAfter(management, layout, next.get().getSeq());
            }
            return letters;
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot list the dead letters of queue " + queue, e);
        }
    }

    @Override
    public Optional<DeadLetter> find(QueueName queue, CallId call) {
        QueueLayout layout = QueueLayout.of(queue, settings);
        try {
            return absentIfNotFound(() -> connection.client().management()
                    .getLastMessage(layout.deadLetterStream(), layout.deadLetterSubject(call)))
                    .map(this::letter);
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot read dead letter " + call + " of queue " + queue, e);
        }
    }

    @Override
    public boolean remove(QueueName queue, CallId call) {
        QueueLayout layout = QueueLayout.of(queue, settings);
        try {
            return absentIfNotFound(() -> connection.client().management().purgeStream(layout.deadLetterStream(),
                    PurgeOptions.subject(layout.deadLetterSubject(call))))
                    .map(purged -> purged.getPurged() > 0)
                    .orElse(false);
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot remove dead letter " + call + " of queue " + queue, e);
        }
    }

    private static Optional<MessageInfo> nextAfter(JetStreamManagement management, QueueLayout layout, long sequence)
            throws IOException, JetStreamApiException {
        return absentIfNotFound(() ->
                management.getNextMessage(layout.deadLetterStream(), sequence + 1, layout.deadLetterSubjects()));
    }

    private void provision(QueueLayout layout) throws IOException, JetStreamApiException {
        if (provisioned.containsKey(layout.queue())) {
            return;
        }
        StreamProvisioner.ensureStream(connection.client().management(), StreamConfiguration.builder()
                .name(layout.deadLetterStream())
                .description(Reconciliation.MARK)
                .subjects(layout.deadLetterSubjects())
                .retentionPolicy(RetentionPolicy.Limits)
                .storageType(StorageType.File)
                .replicas(settings.replicas())
                .maxAge(deadLetterSettings.retention())
                // dead letters are kept without message ids; NATS wants the window within the max age
                .duplicateWindow(deadLetterSettings.retention())
                .maxMessagesPerSubject(1)
                .build(), List.of(FollowedSetting.STREAM_REPLICAS, FollowedSetting.DEAD_LETTER_AGE), true);
        provisioned.put(layout.queue(), true);
    }

    private DeadLetter letter(MessageInfo message) {
        Headers headers = message.getHeaders();
        return new DeadLetter(codec.decode(message.getData()).invocation(),
                Integer.parseInt(headers.getFirst(ATTEMPTS)),
                Integer.parseInt(headers.getFirst(LAST_STATUS)),
                EpochNanos.toInstant(Long.parseLong(headers.getFirst(DEAD_LETTERED_AT))),
                Optional.ofNullable(headers.getFirst(REASON)));
    }

    /** A header value holds printable ASCII on one line; a reason is shown to people, so a long one is cut. */
    private static String asHeaderValue(String reason) {
        String printable = reason.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= LONGEST_REASON ? printable : printable.substring(0, LONGEST_REASON) + "...";
    }

    /** What the request answers; empty when the stream, or the message asked for, does not exist. */
    private static <T> Optional<T> absentIfNotFound(Request<T> request) throws IOException, JetStreamApiException {
        try {
            return Optional.of(request.send());
        } catch (JetStreamApiException e) {
            if (BrokerFailures.isNotFound(e) || e.getApiErrorCode() == NatsJetStreamConstants.JS_NO_MESSAGE_FOUND_ERR) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface Request<T> {
        T send() throws IOException, JetStreamApiException;
    }
}
