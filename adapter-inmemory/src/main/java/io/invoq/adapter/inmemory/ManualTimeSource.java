package io.invoq.adapter.inmemory;

import io.invoq.ports.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A clock that moves only when told to, so that a test of a schedule spanning hours (leases,
 * back-offs, duplicate windows) runs in milliseconds. A broker built with it measures everything by
 * it, and fetchers waiting on that broker look again whenever it moves. Thread-safe.
 */
public final class ManualTimeSource implements TimeSource {

    private final AtomicReference<Instant> now;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Supplier<Optional<Instant>>> dueTimes = new CopyOnWriteArrayList<>();

    public ManualTimeSource(Instant start) {
        now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    @Override
    public Instant now() {
        return now.get();
    }

    /** Moves the clock forward by {@code duration}. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock only advances forward; use set to move it back");
        }
        now.updateAndGet(instant -> instant.plus(duration));
        listeners.forEach(Runnable::run);
    }

    /** Moves the clock to {@code instant}, forward or back. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
        listeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} after every move, on the thread that moved the clock. */
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /**
     * Registers work that waits on this clock: {@code nextDue} answers when it is next due, the
     * present (or earlier) while some is due now, empty while none waits. A broker built with this
     * clock registers its messages, so that a test can move the clock from one due time to the next.
     */
    public void addDueTimes(Supplier<Optional<Instant>> nextDue) {
        dueTimes.add(Objects.requireNonNull(nextDue, "nextDue"));
    }

    public void removeDueTimes(Supplier<Optional<Instant>> nextDue) {
        dueTimes.remove(nextDue);
    }

    /** The earliest time some registered work is due, the present or earlier when some is due now; empty when none waits. */
    public Optional<Instant> nextDue() {
        return dueTimes.stream().map(Supplier::get).flatMap(Optional::stream).min(Instant::compareTo);
    }
}
