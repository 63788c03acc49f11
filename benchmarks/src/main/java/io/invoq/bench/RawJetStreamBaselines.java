package io.invoq.bench;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Raw jnats against the same server invoq uses, on streams configured like invoq's (work queue,
 * file storage): sync publish, windowed async publish, and pull with explicit ack. Each scenario
 * gets a fresh stream, removed afterwards.
 */
final class RawJetStreamBaselines {

    static final int PUBLISH_WINDOW = 256;
    static final int FETCH_BATCH = 256;
    static final List<Integer> MESSAGE_SIZES = List.of(64, 1024);
    private static final Duration FETCH_WAIT = Duration.ofSeconds(1);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_MESSAGES = 5_000_000;

    private final JetStream jetStream;
    private final JetStreamManagement management;
    private final RunProfile profile;
    private int streams;

    private RawJetStreamBaselines(Connection connection, RunProfile profile) throws IOException {
        this.jetStream = connection.jetStream();
        this.management = connection.jetStreamManagement();
        this.profile = profile;
    }

    static List<RawResult> measure(String natsUrl, RunProfile profile) throws Exception {
        Options options = Options.builder().server(natsUrl).connectionTimeout(Duration.ofSeconds(5)).build();
        Connection connection = Nats.connect(options);
        try {
            RawJetStreamBaselines baselines = new RawJetStreamBaselines(connection, profile);
            baselines.warmUp();
            List<RawResult> results = new ArrayList<>();
            for (int size : MESSAGE_SIZES) {
                results.add(baselines.syncPublish(size, profile.rawDuration()));
                results.add(baselines.asyncPublish(size, profile.rawDuration()));
                results.add(baselines.pullAndAck(size, profile.rawPullMessages()));
            }
            return results;
        } finally {
            connection.close();
        }
    }

    private void warmUp() throws Exception {
        int size = MESSAGE_SIZES.get(0);
        syncPublish(size, profile.rawWarmUp());
        asyncPublish(size, profile.rawWarmUp());
        pullAndAck(size, profile.rawPullMessages() / 4);
    }

    private RawResult syncPublish(int size, Duration duration) throws Exception {
        String stream = createStream();
        byte[] data = payload(size);
        LatencyRecorder latency = new LatencyRecorder();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        long published = 0;
        while (published < MAX_MESSAGES && System.nanoTime() - deadline < 0) {
            long sent = System.nanoTime();
            jetStream.publish(subject(stream), data);
            latency.recordSince(sent);
            published++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        management.deleteStream(stream);
        return new RawResult(RawScenario.SYNC_PUBLISH, size, published, published / seconds, latency.summary());
    }

    private RawResult asyncPublish(int size, Duration duration) throws Exception {
        String stream = createStream();
        LatencyRecorder latency = new LatencyRecorder();
        long started = System.nanoTime();
        long acknowledged = publishWindowed(stream, payload(size), MAX_MESSAGES, duration, latency);
        double seconds = (System.nanoTime() - started) / 1e9;
        management.deleteStream(stream);
        return new RawResult(RawScenario.ASYNC_PUBLISH, size, acknowledged, acknowledged / seconds, latency.summary());
    }

    /** Fills a stream untimed, then times draining it: fetch a batch, ack each message. */
    private RawResult pullAndAck(int size, int messages) throws Exception {
        String stream = createStream();
        long filled = publishWindowed(stream, payload(size), messages, SETTLE_TIMEOUT, new LatencyRecorder());
        JetStreamSubscription subscription = jetStream.subscribe(subject(stream), PullSubscribeOptions.builder()
                .durable("raw-workers")
                .configuration(ConsumerConfiguration.builder().ackPolicy(AckPolicy.Explicit).build())
                .build());
        long started = System.nanoTime();
        long deadline = started + SETTLE_TIMEOUT.toNanos();
        long received = 0;
        while (received < filled && System.nanoTime() - deadline < 0) {
            int batch = (int) Math.min(FETCH_BATCH, filled - received);
            for (Message message : subscription.fetch(batch, FETCH_WAIT)) {
                message.ack();
                received++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        subscription.unsubscribe();
        management.deleteStream(stream);
        return new RawResult(RawScenario.PULL_ACK, size, received, received / seconds, LatencySummary.EMPTY);
    }

    /** Publishes with at most {@link #PUBLISH_WINDOW} acks outstanding; returns how many were acknowledged. */
    private long publishWindowed(String stream, byte[] data, long maxMessages, Duration duration, LatencyRecorder latency)
            throws InterruptedException {
        Semaphore window = new Semaphore(PUBLISH_WINDOW);
        LongAdder acknowledged = new LongAdder();
        long deadline = System.nanoTime() + duration.toNanos();
        for (long sent = 0; sent < maxMessages && System.nanoTime() - deadline < 0; sent++) {
            window.acquire();
            long publishedAt = System.nanoTime();
            jetStream.publishAsync(subject(stream), data).whenComplete((ack, failure) -> {
                if (failure == null) {
                    latency.recordSince(publishedAt);
                    acknowledged.increment();
                }
                window.release();
            });
        }
        if (!window.tryAcquire(PUBLISH_WINDOW, SETTLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("publish acks still outstanding after " + SETTLE_TIMEOUT.toSeconds() + " s");
        }
        return acknowledged.sum();
    }

    private String createStream() throws IOException, JetStreamApiException {
        String stream = "RAW_" + ++streams;
        management.addStream(StreamConfiguration.builder()
                .name(stream)
                .subjects(subject(stream))
                .retentionPolicy(RetentionPolicy.WorkQueue)
                .storageType(StorageType.File)
                .build());
        return stream;
    }

    private static String subject(String stream) {
        return "raw." + stream;
    }

    private static byte[] payload(int size) {
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) 'x');
        return data;
    }
}
