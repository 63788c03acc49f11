package io.invoq.adapter.http;

import io.invoq.domain.CallId;
import io.invoq.domain.QueueName;
import io.invoq.ports.in.DeadLetterQuery;
import io.invoq.ports.in.ReplayDeadLetterUseCase;
import io.invoq.ports.in.ReplayTooSoonException;
import io.invoq.ports.in.Submission;
import io.invoq.ports.out.DeadLetter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Dead letters a test puts in, behind the dead-letter use cases; a replay takes one out, unless told it is too soon. */
final class DeadLetterBox implements DeadLetterQuery, ReplayDeadLetterUseCase {

    static final Instant REPLAYED_AT = Instant.parse("2030-01-02T04:00:00.000000001Z");

    private final List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> limitsAsked = new ConcurrentHashMap<>();
    private volatile boolean tooSoon;

    void put(DeadLetter letter) {
        letters.add(letter);
    }

    void refuseReplaysAsTooSoon() {
        tooSoon = true;
    }

    Optional<Integer> limitAskedFor(QueueName queue) {
        return Optional.ofNullable(limitsAsked.get(queue.value()));
    }

    @Override
    public List<DeadLetter> deadLetters(QueueName queue, int limit) {
        limitsAsked.put(queue.value(), limit);
        return letters.stream().filter(letter -> letter.invocation().queue().equals(queue)).limit(limit).toList();
    }

    @Override
    public Optional<Submission> replay(QueueName queue, CallId call) {
        Optional<DeadLetter> letter = letters.stream().filter(candidate -> candidate.invocation().queue().equals(queue)
                && candidate.invocation().callId().equals(call)).findFirst();
        if (letter.isPresent() && tooSoon) {
            throw new ReplayTooSoonException(call);
        }
        letter.ifPresent(letters::remove);
        return letter.map(replayed -> new Submission(call, REPLAYED_AT, false));
    }
}
