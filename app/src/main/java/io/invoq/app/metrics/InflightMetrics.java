package io.invoq.app.metrics;

import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.domain.QueueName;
import io.invoq.domain.RetryDecision;
import io.invoq.ports.out.InvocationEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** How many function calls this process is running now, by queue and function. */
final class InflightMetrics implements InvocationEvents {

    private static final String INFLIGHT = "queue_worker_function_invocation_inflight";

    private final MeterRegistry registry;
    private final Map<Running, AtomicInteger> running = new ConcurrentHashMap<>();

    InflightMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void attemptStarted(Invocation invocation, int attempt, Duration waited) {
        runningNow(invocation).incrementAndGet();
    }

    @Override
    public void attemptFinished(Invocation invocation, int attempt, InvocationResult result, RetryDecision decision) {
        runningNow(invocation).decrementAndGet();
    }

    @Override
    public void attemptAbandoned(Invocation invocation, int attempt) {
        runningNow(invocation).decrementAndGet();
    }

    private AtomicInteger runningNow(Invocation invocation) {
        return running.computeIfAbsent(new Running(invocation.queue(), invocation.function()), key -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder(INFLIGHT, count, AtomicInteger::get)
                    .description("Function calls this process is running now")
                    .tags(Labels.of(key.queue(), key.function()))
                    .register(registry);
            return count;
        });
    }

    private record Running(QueueName queue, FunctionName function) {
    }
}
