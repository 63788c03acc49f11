package io.invoq.application;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.ports.in.DeadLetterQuery;
import io.invoq.ports.in.ReplayDeadLetterUseCase;
import io.invoq.ports.in.ReplayTooSoonException;
import io.invoq.ports.in.Submission;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.DeadLetter;
import io.invoq.ports.out.DeadLetters;
import io.invoq.ports.out.InvocationEvents;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.TimeSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Shows the dead letters of a queue and queues them again. A replay is queued before it leaves the
 * dead letters, so that a failure between the two leaves it a dead letter rather than losing it.
 */
public final class DeadLetterService implements DeadLetterQuery, ReplayDeadLetterUseCase {

    private final DeadLetters deadLetters;
    private final InvocationQueue broker;
    private final TimeSource time;
    private final InvocationEvents events;
    private final CallHistory history;

    public DeadLetterService(DeadLetters deadLetters, InvocationQueue broker, TimeSource time, InvocationEvents events,
                             CallLedger ledger) {
        this.deadLetters = deadLetters;
        this.broker = broker;
        this.time = time;
        this.events = events;
        this.history = new CallHistory(ledger);
    }

    @Override
    public List<DeadLetter> deadLetters(QueueName queue, int limit) {
        return deadLetters.list(queue, limit);
    }

    @Override
    public Optional<Submission> replay(QueueName queue, CallId call) {
        Optional<DeadLetter> letter = deadLetters.find(queue, call);
        if (letter.isEmpty()) {
            return Optional.empty();
        }
        Instant now = time.now();
        Invocation dead = letter.get().invocation();
        Invocation again = new Invocation(dead.callId(), dead.function(), dead.queue(), dead.method(), dead.path(),
                dead.query(), dead.headers(), dead.body(), dead.callbackUrl(), now, now);
        if (broker.publish(again).duplicate()) {
            throw new ReplayTooSoonException(call);
        }
        deadLetters.remove(queue, call);
        events.submitted(again, false);
        history.record(call, CallChange.accepted(again));
        return Optional.of(new Submission(call, now, false));
    }
}
