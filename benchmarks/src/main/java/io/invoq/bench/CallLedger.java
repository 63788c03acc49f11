package io.invoq.bench;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * What happened to each call of one phase, by sequence number: its acceptance time (the 202's
 * {@code X-Start-Time}), when the function first saw it, and how many callbacks arrived for it.
 * The three are recorded by different threads in any order: a callback may beat the 202.
 */
final class CallLedger {

    private static final char SEPARATOR = '.';
    /** Callbacks are counted per second of the phase for this long; later ones count in the last second. */
    private static final int TIMELINE_SECONDS = 3600;

    private final String phase;
    private final AtomicLongArray acceptedAtEpochNanos;
    private final AtomicLongArray firstArrivalEpochNanos;
    private final AtomicIntegerArray callbacks;
    private final LongAdder callbacksReceived = new LongAdder();
    private final LongAdder failedCallbacks = new LongAdder();
    private final LongAccumulator lastCallbackNanos = new LongAccumulator(Math::max, Long.MIN_VALUE);
    private final long openedNanos = System.nanoTime();
    private final AtomicIntegerArray callbacksBySecond = new AtomicIntegerArray(TIMELINE_SECONDS);

    CallLedger(String phase, int capacity) {
        if (phase.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a phase name may not contain '" + SEPARATOR + "': " + phase);
        }
        this.phase = phase;
        this.acceptedAtEpochNanos = new AtomicLongArray(capacity);
        this.firstArrivalEpochNanos = new AtomicLongArray(capacity);
        this.callbacks = new AtomicIntegerArray(capacity);
    }

    String phase() {
        return phase;
    }

    int capacity() {
        return callbacks.length();
    }

    String callId(int sequence) {
        return phase + SEPARATOR + sequence;
    }

    /** The phase a call id of this benchmark belongs to, or {@code ""}. */
    static String phaseOf(String callId) {
        int separator = callId.lastIndexOf(SEPARATOR);
        return separator < 0 ? "" : callId.substring(0, separator);
    }

    /** The sequence number in a call id of this phase, or -1 when it has none in range. */
    int sequenceOf(String callId) {
        try {
            int sequence = Integer.parseInt(callId, phase.length() + 1, callId.length(), 10);
            return sequence < capacity() ? sequence : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    void accepted(int sequence, long startTimeEpochNanos) {
        acceptedAtEpochNanos.set(sequence, startTimeEpochNanos);
    }

    void arrivedAtFunction(int sequence, long epochNanos) {
        firstArrivalEpochNanos.compareAndSet(sequence, 0, epochNanos);
    }

    void calledBack(int sequence, boolean functionSucceeded) {
        callbacks.incrementAndGet(sequence);
        if (!functionSucceeded) {
            failedCallbacks.increment();
        }
        callbacksReceived.increment();
        long now = System.nanoTime();
        lastCallbackNanos.accumulate(now);
        callbacksBySecond.incrementAndGet((int) Math.min(TIMELINE_SECONDS - 1, Math.max(0, (now - openedNanos) / 1_000_000_000L)));
    }

    /** When the ledger was opened, as a {@link System#nanoTime()}: second 0 of {@link #callbacksBySecond(int)}. */
    long openedNanos() {
        return openedNanos;
    }

    /** Callbacks received in each of the first {@code seconds} seconds since the ledger was opened. */
    int[] callbacksBySecond(int seconds) {
        int[] counts = new int[Math.min(seconds, TIMELINE_SECONDS)];
        for (int second = 0; second < counts.length; second++) {
            counts[second] = callbacksBySecond.get(second);
        }
        return counts;
    }

    long callbacksReceived() {
        return callbacksReceived.sum();
    }

    /** Callbacks per second from {@code originNanos} (a {@link System#nanoTime()}) to the last callback. */
    double callbackRateSince(long originNanos) {
        double seconds = secondsToLastCallbackSince(originNanos);
        return seconds > 0 ? callbacksReceived() / seconds : 0;
    }

    /** Seconds from {@code originNanos} (a {@link System#nanoTime()}) to the last callback; 0 before the first. */
    double secondsToLastCallbackSince(long originNanos) {
        long last = lastCallbackNanos.get();
        return callbacksReceived() == 0 || last <= originNanos ? 0 : (last - originNanos) / 1e9;
    }

    CallTally tally() {
        long accepted = 0;
        long completed = 0;
        long lost = 0;
        long duplicates = 0;
        long unexpected = 0;
        Histogram startLatency = new Histogram(LatencySummary.SIGNIFICANT_DIGITS);
        for (int sequence = 0; sequence < capacity(); sequence++) {
            long acceptedAt = acceptedAtEpochNanos.get(sequence);
            int count = callbacks.get(sequence);
            duplicates += Math.max(0, count - 1);
            if (acceptedAt == 0) {
                unexpected += count;
                continue;
            }
            accepted++;
            if (count == 0) {
                lost++;
            } else {
                completed++;
            }
            long arrival = firstArrivalEpochNanos.get(sequence);
            if (arrival != 0) {
                startLatency.recordValue(Math.max(0, arrival - acceptedAt));
            }
        }
        return new CallTally(accepted, completed, lost, duplicates, unexpected, failedCallbacks.sum(),
                LatencySummary.of(startLatency));
    }
}
