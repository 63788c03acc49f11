package io.invoq.ports.in;

import io.invoq.domain.QueueName;
import io.invoq.ports.out.DeadLetter;
import java.util.List;

/** The calls of a queue that ended without success. */
@FunctionalInterface
public interface DeadLetterQuery {

    /**
     * Up to {@code limit} of them, oldest first.
     *
     * @throws io.invoq.ports.out.QueueUnavailableException when the broker cannot be reached
     */
    List<DeadLetter> deadLetters(QueueName queue, int limit);
}
