package io.invoq.adapter.inmemory;

import io.invoq.domain.FunctionName;
import io.invoq.domain.Pauses;
import io.invoq.domain.QueueName;
import io.invoq.domain.Rate;
import io.invoq.domain.ScalingMode;
import io.invoq.domain.TokenBucket;
import io.invoq.ports.out.QueueControls;
import io.invoq.ports.out.ScalingModeConflictException;
import io.invoq.ports.out.TimeSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Scaling modes, pauses and start budgets in this process's memory; budgets refill by the {@link TimeSource}. Thread-safe. */
final class InMemoryQueueControls implements QueueControls {

    private final TimeSource time;
    private final Set<QueueName> pausedQueues = new HashSet<>();
    private final Map<QueueName, Set<FunctionName>> pausedFunctions = new HashMap<>();
    private final Map<Budget, TokenBucket> budgets = new HashMap<>();
    private final Map<QueueName, ScalingMode> modes = new HashMap<>();

    InMemoryQueueControls(TimeSource time) {
        this.time = time;
    }

    /** Records the queue's mode unless one is recorded; @throws ScalingModeConflictException when another is */
    synchronized void useScalingMode(QueueName queue, ScalingMode mode) {
        ScalingMode used = modes.putIfAbsent(queue, mode);
        if (used != null && used != mode) {
            throw new ScalingModeConflictException(mode.conflictWith(queue, used));
        }
    }

    @Override
    public synchronized Optional<ScalingMode> scalingMode(QueueName queue) {
        return Optional.ofNullable(modes.get(queue));
    }

    @Override
    public synchronized Pauses pauses(QueueName queue) {
        return new Pauses(pausedQueues.contains(queue), pausedFunctions.getOrDefault(queue, Set.of()));
    }

    @Override
    public synchronized void setPaused(QueueName queue, Optional<FunctionName> function, boolean paused) {
        if (function.isEmpty()) {
            if (paused) {
                pausedQueues.add(queue);
            } else {
                pausedQueues.remove(queue);
            }
            return;
        }
        Set<FunctionName> functions = pausedFunctions.computeIfAbsent(queue, ignored -> new HashSet<>());
        if (paused) {
            functions.add(function.get());
        } else {
            functions.remove(function.get());
        }
    }

    @Override
    public synchronized int takeStarts(QueueName queue, FunctionName function, Rate rate, int wanted) {
        Budget budget = new Budget(queue, function);
        TokenBucket.Grant grant = bucket(budget, rate).take(rate, wanted, time.now());
        budgets.put(budget, grant.after());
        return grant.granted();
    }

    @Override
    public synchronized void giveBackStarts(QueueName queue, FunctionName function, Rate rate, int unused) {
        Budget budget = new Budget(queue, function);
        budgets.put(budget, bucket(budget, rate).giveBack(rate, unused, time.now()));
    }

    private TokenBucket bucket(Budget budget, Rate rate) {
        return budgets.computeIfAbsent(budget, ignored -> TokenBucket.full(rate, time.now()));
    }

    private record Budget(QueueName queue, FunctionName function) {
    }
}
