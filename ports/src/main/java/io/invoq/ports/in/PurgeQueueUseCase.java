package io.invoq.ports.in;

import io.invoq.domain.QueueName;

/** Drops the calls a queue holds that no worker is running. */
@FunctionalInterface
public interface PurgeQueueUseCase {

    /** @return how many calls were removed */
    long purge(QueueName queue);
}
