package io.invoq.app.metrics;

import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.domain.QueueName;
import io.invoq.domain.RetryDecision;
import io.invoq.ports.out.InvocationEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts and times what happens to calls: the queue-worker's counters, and retries, failures and latencies. */
final class InvocationMetrics implements InvocationEvents {

    private static final String SUBMITTED = "queue_worker_messages_submitted";
    private static final String PROCESSED = "queue_worker_messages_processed";
    private static final String RETRIES = "invoq_retries";
    private static final String FAILED_CALLS = "invoq_calls_failed";
    private static final String CALLBACK_FAILURES = "invoq_callback_failures";
    private static final String INVOCATION_DURATION = "invoq_invocation_duration";
    private static final String ENQUEUE_TO_START = "invoq_enqueue_to_start";

    /** The meters each call touches, looked up once per label set instead of built anew per call. */
    private record CallLabels(QueueName queue, FunctionName function, int code) {
    }

    private final MeterRegistry registry;
    private final Map<CallLabels, Timer> enqueueToStart = new ConcurrentHashMap<>();
    private final Map<CallLabels, Timer> invocationDuration = new ConcurrentHashMap<>();
    private final Map<QueueName, Counter> submittedByQueue = new ConcurrentHashMap<>();
    private final Map<QueueName, Counter> processedByQueue = new ConcurrentHashMap<>();

    /** The configured queue's counters are exported from the start, at 0, so that their rates are defined. */
    InvocationMetrics(MeterRegistry registry, QueueName configuredQueue) {
        this.registry = registry;
        submitted(configuredQueue);
        processed(configuredQueue);
    }

    @Override
    public void submitted(Invocation invocation, boolean duplicate) {
        if (!duplicate) {
            submitted(invocation.queue()).increment();
        }
    }

    /** Only the first attempt: the wait before a retry is the back-off, not the queue. */
    @Override
    public void attemptStarted(Invocation invocation, int attempt, Duration waited) {
        if (attempt == 1) {
            enqueueToStart.computeIfAbsent(new CallLabels(invocation.queue(), invocation.function(), 0),
                    labels -> Timer.builder(ENQUEUE_TO_START)
                            .description("Time from acceptance, or the deferred start, to the first attempt")
                            .tags(Labels.of(invocation))
                            .serviceLevelObjectives(Buckets.CALLS)
                            .register(registry))
                    .record(waited);
        }
    }

    @Override
    public void attemptFinished(Invocation invocation, int attempt, InvocationResult result, RetryDecision decision) {
        String code = Integer.toString(result.status());
        invocationDuration.computeIfAbsent(new CallLabels(invocation.queue(), invocation.function(), result.status()),
                labels -> Timer.builder(INVOCATION_DURATION)
                        .description("Duration of one attempt to invoke a function, by the status it answered")
                        .tags(Labels.of(invocation)).tag(Labels.CODE, code)
                        .serviceLevelObjectives(Buckets.CALLS)
                        .register(registry))
                .record(result.duration());
        if (decision instanceof RetryDecision.RetryAfter) {
            Counter.builder(RETRIES)
                    .description("Attempts that will be retried, by the status that asked for it")
                    .tags(Labels.of(invocation)).tag(Labels.CODE, code)
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void callFinished(Invocation invocation, int attempts, int status, RetryDecision.Outcome outcome) {
        processed(invocation.queue()).increment();
        if (outcome != RetryDecision.Outcome.SUCCEEDED) {
            Counter.builder(FAILED_CALLS)
                    .description("Calls that ended without success: failed (a status that is not retried) "
                            + "or exhausted (out of retries)")
                    .tags(Labels.of(invocation)).tag(Labels.OUTCOME, outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry)
                    .increment();
        }
    }

    /** A cancelled call is finished for good too. */
    @Override
    public void callCancelled(Invocation invocation, int attempt) {
        processed(invocation.queue()).increment();
    }

    @Override
    public void callbackFailed(Invocation invocation, String reason) {
        Counter.builder(CALLBACK_FAILURES)
                .description("Callbacks given up on after their retries")
                .tags(Labels.of(invocation))
                .register(registry)
                .increment();
    }

    private Counter submitted(QueueName queue) {
        return submittedByQueue.computeIfAbsent(queue, name -> Counter.builder(SUBMITTED)
                .description("Calls accepted and queued; duplicates are not counted")
                .tags(Labels.of(name)).register(registry));
    }

    private Counter processed(QueueName queue) {
        return processedByQueue.computeIfAbsent(queue, name -> Counter.builder(PROCESSED)
                .description("Calls finished for good, whatever their outcome")
                .tags(Labels.of(name)).register(registry));
    }
}
