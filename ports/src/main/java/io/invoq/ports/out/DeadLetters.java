package io.invoq.ports.out;

import io.invoq.domain.CallId;
import io.invoq.domain.QueueName;
import java.util.List;
import java.util.Optional;

/**
 * The calls of each queue that ended without success, kept for
 * {@link DeadLetterSettings#retention()}: the broker's dead-letter stream. Every method throws
 * {@link QueueUnavailableException} when the broker cannot be reached.
 */
public interface DeadLetters {

    /** Keeps the call, in its invocation's queue, durably once this returns; a call kept before is replaced. */
    void add(DeadLetter letter);

    /** Up to {@code limit} of the queue's dead letters, oldest first. */
    List<DeadLetter> list(QueueName queue, int limit);

    Optional<DeadLetter> find(QueueName queue, CallId call);

    /** @return whether the call was kept */
    boolean remove(QueueName queue, CallId call);
}
