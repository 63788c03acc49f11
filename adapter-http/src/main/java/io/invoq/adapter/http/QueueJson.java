package io.invoq.adapter.http;

import io.invoq.domain.Rate;
import io.invoq.domain.ScalingMode;
import io.invoq.ports.in.QueueStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A queue as {@code /system/queues} shows it; functions in name order. {@code scalingMode} is
 * {@code null} until a worker has taken the queue's calls; a function's {@code maxConcurrency} and
 * {@code rate} are {@code null} when it has none.
 */
record QueueJson(String name, long pending, long inFlight, Map<String, Long> pendingByFunction, String scalingMode,
                 boolean paused, List<FunctionFlowJson> functions) {

    static QueueJson of(QueueStatus status) {
        Map<String, Long> byFunction = new TreeMap<>();
        status.stats().pendingByFunction().forEach((function, count) -> byFunction.put(function.value(), count));
        return new QueueJson(status.stats().queue().value(), status.stats().pending(), status.stats().inFlight(),
                byFunction, status.scalingMode().map(ScalingMode::label).orElse(null), status.paused(),
                status.functions().stream().map(FunctionFlowJson::of).toList());
    }

    record FunctionFlowJson(String name, long pending, boolean paused, Integer maxConcurrency, String rate) {

        static FunctionFlowJson of(QueueStatus.FunctionFlow flow) {
            return new FunctionFlowJson(flow.name().value(), flow.pending(), flow.paused(),
                    flow.maxConcurrency().isPresent() ? flow.maxConcurrency().getAsInt() : null,
                    flow.rate().map(Rate::toString).orElse(null));
        }
    }
}
