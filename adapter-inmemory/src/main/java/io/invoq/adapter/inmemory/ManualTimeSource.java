package io.invoq.adapter.inmemory;

import io.invoq.ports.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to, so that a test of a schedule spanning hours (leases,
 * back-offs, duplicate windows) runs in milliseconds. A broker built with it measures everything by
 * it, and fetchers waiting on that broker look again whenever it moves. Thread-safe.
 */
public final class ManualTimeSource implements TimeSource {

    private final AtomicReference<Instant> now;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

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
}
