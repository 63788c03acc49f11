package io.invoq.adapter.inmemory;

import io.invoq.domain.CallId;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.DeadLetter;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.DeadLetters;
import io.invoq.ports.out.TimeSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dead letters in this process's memory, each forgotten once the retention has passed since it was
 * added, as the TimeSource tells. One lock guards them all.
 */
final class InMemoryDeadLetters implements DeadLetters {

    private record Kept(DeadLetter letter, Instant at) {
    }

    private final DeadLetterSettings settings;
    private final TimeSource time;
    /** Per queue, in the order they were added, so that those past their retention are at the head. */
    private final Map<QueueName, Map<CallId, Kept>> byQueue = new HashMap<>();

    InMemoryDeadLetters(DeadLetterSettings settings, TimeSource time) {
        this.settings = settings;
        this.time = time;
    }

    @Override
    public synchronized void add(DeadLetter letter) {
        Map<CallId, Kept> letters = current(letter.invocation().queue());
        letters.remove(letter.invocation().callId());
        letters.put(letter.invocation().callId(), new Kept(letter, time.now()));
    }

    @Override
    public synchronized List<DeadLetter> list(QueueName queue, int limit) {
        return current(queue).values().stream().limit(limit).map(Kept::letter).toList();
    }

    @Override
    public synchronized Optional<DeadLetter> find(QueueName queue, CallId call) {
        return Optional.ofNullable(current(queue).get(call)).map(Kept::letter);
    }

    @Override
    public synchronized boolean remove(QueueName queue, CallId call) {
        return current(queue).remove(call) != null;
    }

    /** The queue's letters, those past their retention forgotten; a clock set back merely lets them linger. */
    private Map<CallId, Kept> current(QueueName queue) {
        Map<CallId, Kept> letters = byQueue.computeIfAbsent(queue, ignored -> new LinkedHashMap<>());
        Instant now = time.now();
        Iterator<Kept> oldestFirst = letters.values().iterator();
        while (oldestFirst.hasNext() && !now.isBefore(oldestFirst.next().at().plus(settings.retention()))) {
            oldestFirst.remove();
        }
        return letters;
    }
}
