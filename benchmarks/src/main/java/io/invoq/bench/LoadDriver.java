package io.invoq.bench;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * An HTTP/1.1 load generator on one thread: the caller's thread runs a selector over a fixed set of
 * keep-alive connections, each with at most one request outstanding. No thread per request, no
 * per-request futures: on two shared cores the generator must stay out of the measurement.
 */
final class LoadDriver {

    /** How long after the last request is sent its response may take before it counts as failed. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(35);
    private static final long IDLE_POLL_NANOS = 100_000_000;
    /** Below this a wait for the next due request spins on non-blocking selects, as selects time out in whole milliseconds. */
    private static final long FINE_WAIT_NANOS = 2_000_000;
    private static final long SPIN_PARK_NANOS = 50_000;

    /** Told of each response with the expected status, on the load's thread; must be quick. */
    @FunctionalInterface
    interface ResponseListener {
        void accept(int sequence, HttpHead response);
    }

    private LoadDriver() {
    }

    /** Sends requests {@code 0, 1, 2, ...} as {@code plan} says, and waits (bounded) for their responses. */
    static LoadResult run(LoadPlan plan, SubmissionRequests requests, int expectedStatus, ResponseListener onSuccess)
            throws IOException {
        try (Selector selector = Selector.open()) {
            return new Run(selector, plan, requests, expectedStatus, onSuccess).execute();
        }
    }

    /** A connection and the request it has outstanding, if any. */
    private static final class Slot {

        final HttpConnection connection;
        boolean busy;
        int sequence;
        long dueNanos;

        Slot(HttpConnection connection) {
            this.connection = connection;
            connection.key().attach(this);
        }
    }

    private static final class Run {

        private final Selector selector;
        private final LoadPlan plan;
        private final SubmissionRequests requests;
        private final int expectedStatus;
        private final ResponseListener onSuccess;
        private final Queue<Slot> idle = new ArrayDeque<>();
        private final List<Slot> slots = new ArrayList<>();
        private final Histogram latency = new Histogram(LatencySummary.SIGNIFICANT_DIGITS);
        private final Map<Integer, Long> otherStatuses = new TreeMap<>();
        private long succeeded;
        private long failures;
        private String firstFailure = "";
        private long lastResponseNanos;
        private int sent;
        private int outstanding;
        private long started;

        Run(Selector selector, LoadPlan plan, SubmissionRequests requests, int expectedStatus, ResponseListener onSuccess) {
            this.selector = selector;
            this.plan = plan;
            this.requests = requests;
            this.expectedStatus = expectedStatus;
            this.onSuccess = onSuccess;
        }

        LoadResult execute() throws IOException {
            try {
                for (int i = 0; i < plan.connections(); i++) {
                    idle.add(open());
                }
                started = System.nanoTime();
                long sendUntil = started + plan.maxDuration().toNanos();
                long settleBy = Long.MAX_VALUE;
                while (true) {
                    long now = System.nanoTime();
                    boolean sending = sent < plan.maxRequests() && now - sendUntil < 0;
                    if (!sending) {
                        settleBy = Math.min(settleBy, now + SETTLE_TIMEOUT.toNanos());
                        if (outstanding == 0 || now - settleBy > 0) {
                            break;
                        }
                    }
                    awaitEvents(sending ? sendDue(now, sendUntil) : IDLE_POLL_NANOS);
                    for (SelectionKey key : selector.selectedKeys()) {
                        handle((Slot) key.attachment(), key);
                    }
                    selector.selectedKeys().clear();
                }
                if (outstanding > 0) {
                    fail(outstanding, outstanding + " request(s) unanswered " + SETTLE_TIMEOUT.toSeconds() + " s after the last was sent");
                }
                double seconds = lastResponseNanos > started ? (lastResponseNanos - started) / 1e9 : 0;
                return new LoadResult(sent, succeeded, otherStatuses, failures, firstFailure, seconds, LatencySummary.of(latency));
            } finally {
                slots.forEach(slot -> slot.connection.close());
            }
        }

        private void awaitEvents(long waitNanos) throws IOException {
            if (waitNanos >= FINE_WAIT_NANOS) {
                selector.select(waitNanos / 1_000_000);
            } else if (selector.selectNow() == 0) {
                LockSupport.parkNanos(Math.min(waitNanos, SPIN_PARK_NANOS));
            }
        }

        /** Sends every request that is due on a free connection; returns how long to wait, in nanoseconds, for the next. */
        private long sendDue(long now, long sendUntil) throws IOException {
            while (!idle.isEmpty() && sent < plan.maxRequests() && now - sendUntil < 0) {
                long due = plan.pacing().dueAt(sent, started, now);
                if (due - now > 0) {
                    return due - now;
                }
                Slot slot = idle.poll();
                slot.busy = true;
                slot.sequence = sent;
                slot.dueNanos = due;
                sent++;
                outstanding++;
                try {
                    slot.connection.write(requests.request(slot.sequence));
                } catch (IOException e) {
                    failed(slot, e);
                }
                now = System.nanoTime();
            }
            return IDLE_POLL_NANOS;
        }

        private void handle(Slot slot, SelectionKey key) throws IOException {
            try {
                if (key.isValid() && key.isWritable()) {
                    slot.connection.flush();
                }
                if (key.isValid() && key.isReadable()) {
                    slot.connection.read();
                    for (HttpHead response = slot.connection.nextMessage(); response != null; response = slot.connection.nextMessage()) {
                        answered(slot, response);
                    }
                }
            } catch (IOException | RuntimeException e) {
                failed(slot, e);
            }
        }

        private void answered(Slot slot, HttpHead response) throws IOException {
            if (!slot.busy) {
                throw new IllegalStateException("a response to no request: " + response.startLine());
            }
            lastResponseNanos = System.nanoTime();
            int status = response.status();
            if (status == expectedStatus) {
                onSuccess.accept(slot.sequence, response);
                latency.recordValue(Math.max(0, lastResponseNanos - slot.dueNanos));
                succeeded++;
            } else {
                otherStatuses.merge(status, 1L, Long::sum);
            }
            slot.busy = false;
            outstanding--;
            if (response.closesConnection()) {
                replace(slot);
            } else {
                idle.add(slot);
            }
        }

        /** Counts the slot's request, if any, as failed, and puts a fresh connection in its place. */
        private void failed(Slot slot, Exception failure) throws IOException {
            if (slot.busy) {
                slot.busy = false;
                outstanding--;
                fail(1, failure.toString());
            }
            replace(slot);
        }

        private void fail(long requests, String description) {
            failures += requests;
            if (firstFailure.isEmpty()) {
                firstFailure = description;
            }
        }

        private void replace(Slot slot) throws IOException {
            slot.connection.close();
            slots.remove(slot);
            idle.remove(slot);
            idle.add(open());
        }

        private Slot open() throws IOException {
            SocketChannel channel = SocketChannel.open(requests.address());
            Slot slot = new Slot(new HttpConnection(channel, selector));
            slots.add(slot);
            return slot;
        }
    }
}
