package io.invoq.adapter.http;

import io.invoq.ports.out.QueueStats;
import java.util.Map;
import java.util.TreeMap;

/** A queue as {@code /system/queues} shows it; functions in name order. */
record QueueJson(String name, long pending, long inFlight, Map<String, Long> pendingByFunction) {

    static QueueJson of(QueueStats stats) {
        Map<String, Long> byFunction = new TreeMap<>();
        stats.pendingByFunction().forEach((function, count) -> byFunction.put(function.value(), count));
        return new QueueJson(stats.queue().value(), stats.pending(), stats.inFlight(), byFunction);
    }
}
