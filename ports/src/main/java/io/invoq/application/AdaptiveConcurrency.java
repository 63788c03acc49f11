package io.invoq.application;

import io.invoq.domain.AdaptiveLimit;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.domain.QueueName;
import io.invoq.domain.RetryDecision;
import io.invoq.ports.out.InvocationEvents;
import io.invoq.ports.out.TimeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This worker's {@link AdaptiveLimit} for each function of its queue, moved by the functions'
 * answers: it listens to every finished attempt.
 */
public final class AdaptiveConcurrency implements InvocationEvents {

    private final QueueName queue;
    private final TimeSource time;
    private final Map<FunctionName, AdaptiveLimit> limits = new ConcurrentHashMap<>();

    public AdaptiveConcurrency(QueueName queue, TimeSource time) {
        this.queue = queue;
        this.time = time;
    }

    @Override
    public void attemptFinished(Invocation invocation, int attempt, InvocationResult result, RetryDecision decision) {
        if (!invocation.queue().equals(queue)) {
            return;
        }
        boolean throttling = AdaptiveLimit.isThrottling(result.status(), result.headers().first("Retry-After").isPresent());
        limits.computeIfPresent(invocation.function(),
                (function, limit) -> throttling ? limit.throttled(time.now()) : limit.succeeded());
    }

    /** How many calls of the function this worker may run at once now, at most {@code ceiling}. */
    int limit(FunctionName function, int ceiling) {
        return limits.compute(function, (name, limit) ->
                limit == null ? AdaptiveLimit.startingAt(ceiling) : limit.withCeiling(ceiling)).limit();
    }
}
