package io.invoq.ports.in;

import io.invoq.domain.QueueName;
import io.invoq.ports.out.QueueStats;
import java.util.List;

/** What the broker holds for each queue. */
public interface QueueStatusQuery {

    /** Every known queue, sorted by name: the default queue and those the registered functions name. */
    List<QueueStats> all();

    /** Any queue, known or not; one nothing was ever queued to is empty. */
    QueueStats of(QueueName queue);
}
