package io.invoq.adapter.jetstream;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.domain.CallState;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.CallLedgerSettings;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatchOption;
import io.nats.client.api.MessageGetRequest;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.support.NatsJetStreamConstants;
import io.nats.client.support.NatsKeyValueUtil;
import io.nats.client.support.Status;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call records in a JetStream key-value bucket, one JSON entry per call, whose max age is the
 * retention: an entry goes once that long has passed since it was last written.
 *
 * <p>A change writes only if the key is still at the revision the change was applied to (the
 * {@code Nats-Expected-Last-Subject-Sequence} of a publish); when another process got there first,
 * it reads the key and tries again. Reads and writes are asynchronous requests, pipelined on the
 * connection, so that no thread waits for NATS; the revisions this process wrote last spare most
 * steps of a call the read. Answers complete on a few threads of the ledger's own, never on a NATS
 * thread: what a caller chains to an answer may then block, e.g. on another request to NATS.
 *
 * <p>A cancel also writes a mark, {@code cancelled.<call key>}, which every process that asks
 * {@link #mayHaveBeenCancelled} watches, so that its workers start calls without a read first.
 */
final class KeyValueCallLedger implements CallLedger {

    private static final Logger LOG = LoggerFactory.getLogger(KeyValueCallLedger.class);
    private static final int ANSWERING_THREADS = 4;

    private final JetStreamConnection connection;
    private final KeyValueConfiguration bucketConfiguration;
    private final String directGetPrefix;
    private final String messageGetSubject;
    private final String keyPrefix;
    private final CallRecordCodec codec = new CallRecordCodec();
    private final RecentRevisions recent = new RecentRevisions();
    private final WatchedCancels cancels = new WatchedCancels();
    private final ThreadPoolExecutor answering;
    private volatile boolean bucketExists;
    private volatile boolean directGets;
    private volatile boolean watchingCancels;

    KeyValueCallLedger(JetStreamConnection connection, JetStreamSettings settings, CallLedgerSettings ledgerSettings) {
        this.connection = connection;
        this.bucketConfiguration = KeyValueConfiguration.builder()
                .name(settings.callsBucket())
                .description(Reconciliation.MARK)
                .storageType(StorageType.File)
                .replicas(settings.replicas())
                .maxHistoryPerKey(1)
                .ttl(ledgerSettings.retention())
                .build();
        // the key's subject follows: a direct get answers with the stored message itself, no JSON to parse
        this.directGetPrefix = NatsJetStreamConstants.DEFAULT_API_PREFIX + String.format(
                NatsJetStreamConstants.JSAPI_DIRECT_GET, NatsKeyValueUtil.toStreamName(settings.callsBucket())) + ".";
        this.messageGetSubject = NatsJetStreamConstants.DEFAULT_API_PREFIX + String.format(
                NatsJetStreamConstants.JSAPI_MSG_GET, NatsKeyValueUtil.toStreamName(settings.callsBucket()));
        this.keyPrefix = NatsKeyValueUtil.toKeyPrefix(settings.callsBucket());
        this.answering = new ThreadPoolExecutor(ANSWERING_THREADS, ANSWERING_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "invoq-call-ledger");
                    thread.setDaemon(true);
                    return thread;
                });
        answering.allowCoreThreadTimeOut(true);
    }

    @Override
    public CompletableFuture<Optional<CallRecord>> change(CallId call, CallChange change) {
        return answered(() -> {
            Optional<CallRevision> written = recent.get(call);
            if (written.isPresent()) {
                return attempt(call, change, written.get(), true);
            }
            return change.isFirstStep()
                    ? attempt(call, change, CallRevision.ABSENT, true)
                    : readThenAttempt(call, change);
        }, "cannot record call " + call);
    }

    @Override
    public CompletableFuture<Optional<CallRecord>> find(CallId call) {
        return answered(() -> read(call).thenApply(CallRevision::record), "cannot read call " + call);
    }

    @Override
    public boolean mayHaveBeenCancelled(CallId call) {
        if (!connection.isConnected()) {
            return true;
        }
        if (!watchingCancels) {
            watchCancels();
        }
        return !cancels.isComplete() || cancels.contains(CallKeys.of(call));
    }

    /**
     * Applies the change to {@code held} and writes the result at {@code held}'s revision. A
     * {@code guess} (the revision this process wrote last, or none) the change does not apply to, or
     * that another process has changed since, is read again.
     */
    private CompletableFuture<Optional<CallRecord>> attempt(CallId call, CallChange change, CallRevision held,
                                                            boolean guess) {
        Optional<CallRecord> next = change.applyTo(held.record());
        if (next.isEmpty()) {
            return guess ? readThenAttempt(call, change) : CompletableFuture.completedFuture(held.record());
        }
        return write(call, next.get(), held.revision())
                .thenCompose(revision -> {
                    recent.written(call, next.get(), revision);
                    return next.get().state() == CallState.CANCELLED
                            ? markCancelled(call)
                            : CompletableFuture.<Void>completedFuture(null);
                })
                .thenApply(written -> held.record())
                .exceptionallyCompose(failure -> {
                    recent.forget(call);
                    return isWrongLastSequence(failure)
                            ? readThenAttempt(call, change)
                            : CompletableFuture.failedFuture(failure);
                });
    }

    /**
     * Writes the cancel's mark for the watching workers. A mark that cannot be written is logged
     * only: the cancel is in the record, where a worker finds it before the callback at the latest.
     */
    private CompletableFuture<Void> markCancelled(CallId call) {
        String callKey = CallKeys.of(call);
        cancels.cancelled(callKey);
        Duration timeout = connection.requestTimeout();
        return client().jetStream().publishAsync(keyPrefix + WatchedCancels.markOf(callKey), new byte[0])
                .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .handle((ack, failure) -> {
                    if (failure != null) {
                        LOG.warn("call {} is cancelled, but its mark for the workers cannot be written: {}",
                                call, cause(failure).toString());
                    }
                    return null;
                });
    }

    private CompletableFuture<Optional<CallRecord>> readThenAttempt(CallId call, CallChange change) {
        return read(call).thenCompose(held -> attempt(call, change, held, false));
    }

    private CompletableFuture<CallRevision> read(CallId call) {
        String subject = keyPrefix + CallKeys.of(call);
        JetStreamConnection.Client client = client();
        Duration timeout = connection.requestTimeout();
        if (directGets) {
            return client.nats().requestWithTimeout(directGetPrefix + subject, new byte[0], timeout)
                    .thenApply(reply -> directlyGot(reply, subject));
        }
        return client.nats().requestWithTimeout(messageGetSubject, MessageGetRequest.lastForSubject(subject).serialize(),
                timeout).thenApply(reply -> got(new MessageInfo(reply), subject));
    }

    /** A direct get answers with the stored message itself, cheaper to read than a message get's JSON. */
    private CallRevision directlyGot(Message reply, String subject) {
        if (reply.isStatusMessage()) {
            if (reply.getStatus().getCode() == Status.NOT_FOUND_CODE) {
                return CallRevision.ABSENT;
            }
            throw new CompletionException(new IllegalStateException("cannot read " + subject + " of bucket "
                    + bucketConfiguration.getBucketName() + ": " + reply.getStatus().getMessageWithCode()));
        }
        return entry(subject, Long.parseLong(reply.getHeaders().getFirst(NatsJetStreamConstants.NATS_SEQUENCE)),
                NatsKeyValueUtil.getOperation(reply.getHeaders()), reply.getData());
    }

    private CallRevision got(MessageInfo info, String subject) {
        if (info.hasError()) {
            if (info.getApiErrorCode() == NatsJetStreamConstants.JS_NO_MESSAGE_FOUND_ERR) {
                return CallRevision.ABSENT;
            }
            throw new CompletionException(new JetStreamApiException(info.getErrorObject()));
        }
        return entry(subject, info.getSeq(), NatsKeyValueUtil.getOperation(info.getHeaders()), info.getData());
    }

    private CallRevision entry(String subject, long revision, KeyValueOperation operation, byte[] data) {
        if (operation != KeyValueOperation.PUT) {
            return new CallRevision(Optional.empty(), revision);
        }
        try {
            return new CallRevision(Optional.of(codec.decode(data)), revision);
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring the unreadable entry {} of bucket {}: {}", subject, bucketConfiguration.getBucketName(),
                    e.getMessage());
            return new CallRevision(Optional.empty(), revision);
        }
    }

    /** Completes with the new revision, or with the server's refusal when the key is not at {@code expected}. */
    private CompletableFuture<Long> write(CallId call, CallRecord record, long expected) {
        PublishOptions atRevision = PublishOptions.builder().expectedLastSubjectSequence(expected).build();
        Duration timeout = connection.requestTimeout();
        return client().jetStream().publishAsync(keyPrefix + CallKeys.of(call), codec.encode(record), atRevision)
                .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .thenApply(PublishAck::getSeqno);
    }

    private JetStreamConnection.Client client() {
        JetStreamConnection.Client client = connection.client();
        if (!bucketExists) {
            createBucketIfMissing();
        }
        return client;
    }

    /** A watch that cannot start now is tried again at the next question. */
    private synchronized void watchCancels() {
        if (watchingCancels) {
            return;
        }
        try {
            JetStreamConnection.Client client = client();
            client.nats().keyValue(bucketConfiguration.getBucketName(), client.keyValueOptions())
                    .watch(WatchedCancels.markOf("*"), cancels, KeyValueWatchOption.META_ONLY);
            watchingCancels = true;
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            LOG.debug("cannot watch the cancels in bucket {} yet: {}", bucketConfiguration.getBucketName(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void createBucketIfMissing() {
        if (bucketExists) {
            return;
        }
        try {
            directGets = KeyValueBuckets.ensure(connection, bucketConfiguration, "call records",
                    List.of(FollowedSetting.BUCKET_REPLICAS, FollowedSetting.CALL_AGE));
            if (!directGets) {
                LOG.warn("bucket {} does not allow direct gets; call records are read the slower way",
                        bucketConfiguration.getBucketName());
            }
        } catch (IOException | JetStreamApiException e) {
            throw BrokerFailures.translate("cannot open bucket " + bucketConfiguration.getBucketName(), e);
        }
        bucketExists = true;
    }

    /** Runs {@code steps}, completing on an answering thread with their answer or the broker failure they ended in. */
    private <T> CompletableFuture<T> answered(Supplier<CompletableFuture<T>> steps, String action) {
        CompletableFuture<T> started;
        try {
            started = steps.get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        started.whenCompleteAsync((value, failure) -> {
            if (failure == null) {
                answer.complete(value);
            } else {
                answer.completeExceptionally(BrokerFailures.translate(action, cause(failure)));
            }
        }, answering);
        return answer;
    }

    private static boolean isWrongLastSequence(Throwable failure) {
        return cause(failure) instanceof JetStreamApiException refusal
                && refusal.getApiErrorCode() == BrokerFailures.WRONG_LAST_SEQUENCE;
    }

    /** What went wrong, unwrapped from the completion and runtime exceptions jnats and the futures wrap it in. */
    private static Exception cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause.getClass() == RuntimeException.class)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof Exception exception ? exception : new IllegalStateException(cause);
    }
}
