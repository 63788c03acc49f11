package io.invoq.faults;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Submits calls at a steady rate, each with an id of its own, and keeps every answer. */
final class Submitter implements AutoCloseable {

    /** What one submission was answered; status 0 when no answer came (refused connection, timeout). */
    record Answer(String callId, long sentAt, long answeredAt, int status, String reason, boolean slow) {
    }

    /** Every call the submitter makes has an id starting so; the recorder keeps only those. */
    static final String CALL_ID_PREFIX = "fault-";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_OUTSTANDING = 1000;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Supplier<java.net.URI> gateway;
    private final String callbackUrl;
    private volatile boolean slowNext;

    Submitter(Supplier<java.net.URI> gateway, String callbackUrl) {
        this.gateway = gateway;
        this.callbackUrl = callbackUrl;
    }

    void start(int perSecond) {
        pacer.scheduleAtFixedRate(this::submitOne, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    /** The next call runs for a while, long enough for its worker to be killed under it. */
    void nextIsSlow() {
        slowNext = true;
    }

    Map<String, Answer> answers() {
        return answers;
    }

    int outstanding() {
        return outstanding.get();
    }

    private void submitOne() {
        if (outstanding.get() >= MAX_OUTSTANDING) {
            return;
        }
        boolean slow = slowNext;
        slowNext = false;
        String callId = CALL_ID_PREFIX + sequence.incrementAndGet();
        long sentAt = System.currentTimeMillis();
        HttpRequest request = HttpRequest.newBuilder(gateway.get()).timeout(TIMEOUT)
                .header("X-Call-Id", callId).header("X-Callback-Url", callbackUrl)
                .POST(BodyPublishers.ofString(slow ? "slow" : "quick")).build();
        outstanding.incrementAndGet();
        client.sendAsync(request, BodyHandlers.ofString()).whenComplete((response, failure) -> {
            outstanding.decrementAndGet();
            long now = System.currentTimeMillis();
            answers.put(callId, failure == null
                    ? new Answer(callId, sentAt, now, response.statusCode(), firstLine(response.body()), slow)
                    : new Answer(callId, sentAt, now, 0, failure.getClass().getSimpleName(), slow));
        });
    }

    private static String firstLine(String body) {
        return body == null ? "" : body.lines().findFirst().orElse("");
    }

    /** Stops submitting and waits for the answers still due. */
    @Override
    public void close() throws InterruptedException {
        pacer.shutdownNow();
        Loopback.await("the last answers", TIMEOUT.plusSeconds(5), () -> outstanding.get() == 0);
    }
}
