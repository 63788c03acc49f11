package io.invoq.ports.in;

import io.invoq.domain.QueueName;
import java.util.List;

/** What the broker holds for each queue, and how its calls may start. */
public interface QueueStatusQuery {

    /** Every known queue, sorted by name: the default queue and those the registered functions name. */
    List<QueueStatus> all();

    /** Any queue, known or not; one nothing was ever queued to is empty. */
    QueueStatus of(QueueName queue);
}
