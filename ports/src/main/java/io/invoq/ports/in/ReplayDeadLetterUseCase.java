package io.invoq.ports.in;

import io.invoq.domain.CallId;
import io.invoq.domain.QueueName;
import java.util.Optional;

/**
 * Queues a dead letter again, as a new acceptance of the same call: same id, request and callback,
 * accepted now, its attempts counted from 1 again. It leaves the dead letters once it is queued.
 */
@FunctionalInterface
public interface ReplayDeadLetterUseCase {

    /**
     * @return the new submission; empty when the queue holds no such dead letter
     * @throws ReplayTooSoonException when the broker would take the call for a duplicate of itself
     * @throws io.invoq.ports.out.QueueUnavailableException when the broker cannot be reached
     */
    Optional<Submission> replay(QueueName queue, CallId call);
}
