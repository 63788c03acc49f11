package io.invoq.adapter.inmemory;

import io.invoq.ports.out.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clock that moves only when told to, so that a test of a schedule spanning hours (leases,
 * back-offs, callback retries, duplicate windows) runs in milliseconds. As the {@link Scheduler} of
 * a broker and a worker it drives every wait they make: moving it runs, on the moving thread and in
 * order, each task that falls due, with the clock set to the time the task was due, so that fetchers
 * waiting on a broker built with it look again when a delay or a lease runs out. Thread-safe.
 */
public final class ManualTimeSource implements Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ManualTimeSource.class);
    private static final Comparator<Task> BY_DUE_TIME =
            Comparator.comparing(Task::due).thenComparingLong(Task::sequence);

    private final AtomicReference<Instant> now;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>(BY_DUE_TIME);
    private final List<Supplier<Optional<Instant>>> dueTimes = new CopyOnWriteArrayList<>();
    private long nextSequence;

    public ManualTimeSource(Instant start) {
        now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    @Override
    public Instant now() {
        return now.get();
    }

    /** Runs {@code task} once the clock has been moved {@code delay} past now; a zero delay at the next move. */
    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        Instant current = now.get();
        Duration longest = Duration.between(current, Instant.MAX);
        Task scheduled;
        synchronized (tasks) {
            scheduled = new Task(delay.compareTo(longest) > 0 ? Instant.MAX : current.plus(delay), nextSequence++, task);
            tasks.add(scheduled);
        }
        return () -> {
            synchronized (tasks) {
                tasks.remove(scheduled);
            }
        };
    }

    /** Moves the clock forward by {@code duration}, running the tasks that fall due on the way. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock only advances forward; use set to move it back");
        }
        moveTo(now.get().plus(duration));
    }

    /** Moves the clock to {@code instant}, forward or back, running the tasks that fall due by then. */
    public void set(Instant instant) {
        moveTo(Objects.requireNonNull(instant, "instant"));
    }

    /** How many tasks wait for the clock to move. */
    public int scheduledTasks() {
        synchronized (tasks) {
            return tasks.size();
        }
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

    /**
     * The earliest time some registered work or scheduled task is due, the present or earlier when
     * some is due now; empty when none waits.
     */
    public Optional<Instant> nextDue() {
        Optional<Instant> task;
        synchronized (tasks) {
            task = Optional.ofNullable(tasks.peek()).map(Task::due);
        }
        return Stream.concat(task.stream(), dueTimes.stream().map(Supplier::get).flatMap(Optional::stream))
                .min(Instant::compareTo);
    }

    private void moveTo(Instant target) {
        for (Task due = nextDueBy(target); due != null; due = nextDueBy(target)) {
            Instant dueAt = due.due();
            now.updateAndGet(current -> dueAt.isAfter(current) ? dueAt : current);
            run(due);
        }
        now.set(target);
    }

    private Task nextDueBy(Instant target) {
        synchronized (tasks) {
            Task first = tasks.peek();
            return first != null && !first.due().isAfter(target) ? tasks.poll() : null;
        }
    }

    private static void run(Task task) {
        try {
            task.task().run();
        } catch (RuntimeException e) {
            LOG.error("a task scheduled on the manual clock failed", e);
        }
    }

    private record Task(Instant due, long sequence, Runnable task) {
    }
}
