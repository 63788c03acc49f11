package io.invoq.application;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.domain.RetryAfterHeader;
import io.invoq.domain.RetryDecision;
import io.invoq.domain.RetryPolicy;
import io.invoq.ports.out.DeadLetter;
import io.invoq.ports.out.DeadLetters;
import io.invoq.ports.out.FunctionInvoker;
import io.invoq.ports.out.InvocationEvents;
import io.invoq.ports.out.TimeSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one delivery: invokes the function under a kept-alive lease, then either hands it
 * back for a later retry or finishes it with a callback and an ack. The broker holds deferred
 * calls back until their start time, so every delivery is an attempt.
 *
 * <p>A call that ends without success is kept as a dead letter before its callback goes out, unless
 * the worker is told to keep none.
 *
 * <p>Each step is written to the call ledger, whose answer tells whether the call was cancelled:
 * a cancelled call is acked without being invoked, retried or called back, and one cancelled while
 * its function runs is aborted at the next lease extension, which looks at the ledger too. An
 * attempt waits for the ledger's answer only when the ledger cannot rule out a cancel at once;
 * otherwise it starts at once, and its start is written only once it has run for
 * {@link #RUNNING_RECORDED_AFTER}, so that most calls cost the ledger one write less; it is
 * aborted should that write's answer reveal a cancel that came in meanwhile.
 */
final class DeliveryProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryProcessor.class);
    private static final int NOT_FOUND = 404;
    /** An attempt that ends sooner is recorded only by its end: the record goes from queued or retrying to that. */
    static final Duration RUNNING_RECORDED_AFTER = Duration.ofMillis(100);

    private final WorkerSettings settings;
    private final FunctionDirectory functions;
    private final FunctionInvoker invoker;
    private final LeaseExtender leases;
    private final CallbackDispatcher callbacks;
    private final TimeSource time;
    private final InvocationEvents events;
    private final CallHistory history;
    private final DeadLetters deadLetters;
    private final ScheduledExecutorService timer;

    DeliveryProcessor(WorkerSettings settings, FunctionDirectory functions, FunctionInvoker invoker,
                      LeaseExtender leases, CallbackDispatcher callbacks, TimeSource time, InvocationEvents events,
                      CallHistory history, DeadLetters deadLetters, ScheduledExecutorService timer) {
        this.settings = settings;
        this.functions = functions;
        this.invoker = invoker;
        this.leases = leases;
        this.callbacks = callbacks;
        this.time = time;
        this.events = events;
        this.history = history;
        this.deadLetters = deadLetters;
        this.timer = timer;
    }

    /** Keeps the lease of a delivery the worker holds, from its fetch until it is settled. */
    void hold(ActiveCall call) {
        int attempt = call.delivery().deliveryCount();
        call.holdLease(leases.keepAlive(call.delivery(), () -> cancelIfCancelled(call, attempt)));
    }

    void process(ActiveCall call) {
        try {
            start(call);
        } catch (RuntimeException e) {
            failedInTheWorker(call, e);
        }
    }

    private void start(ActiveCall call) {
        Invocation invocation = call.delivery().invocation();
        int attempt = call.delivery().deliveryCount();
        Optional<FunctionDefinition> function = functions.resolve(invocation.function());
        if (function.isEmpty()) {
            InvocationResult missing = new InvocationResult(NOT_FOUND, Headers.EMPTY,
                    ("function '" + invocation.function() + "' is not registered").getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO);
            finish(call, attempt, settings.retryPolicy().maxAttempts(), missing, RetryDecision.Outcome.FAILED,
                    Optional.empty());
            return;
        }
        CallChange started = CallChange.attemptStarted(invocation, attempt, time.now());
        if (history.mayHaveBeenCancelled(invocation.callId())) {
            guarded(call, history.record(invocation.callId(), started)
                    .thenAccept(held -> unlessCancelled(call, attempt, held, () -> invoke(call, attempt, function.get()))));
        } else {
            ScheduledFuture<?> running = timer.schedule(() -> guarded(call, history.record(invocation.callId(), started)
                    .thenAccept(held -> cancelIf(held, call, attempt))), RUNNING_RECORDED_AFTER.toNanos(), TimeUnit.NANOSECONDS);
            call.functionDone().whenComplete((ignored, error) -> running.cancel(false));
            if (!call.isSettled()) {
                invoke(call, attempt, function.get());
            }
        }
    }

    private void invoke(ActiveCall call, int attempt, FunctionDefinition function) {
        Invocation invocation = call.delivery().invocation();
        RetryPolicy policy = settings.retryPolicy().withAnnotations(function.settings());
        events.attemptStarted(invocation, attempt, Duration.between(invocation.notBefore(), time.now()));
        CompletableFuture<InvocationResult> request = invoker.invoke(function, invocation, function.upstreamTimeout().orElse(settings.upstreamTimeout()));
        call.running(request);
        guarded(call, request.handle((result, error) -> {
                    call.functionAnswered();
                    return error == null ? result : InvocationResult.unreachable(Duration.ZERO, "invoker failed: " + error);
                })
                .thenAccept(result -> conclude(call, attempt, policy, result)));
    }

    private void conclude(ActiveCall call, int attempt, RetryPolicy policy, InvocationResult result) {
        Invocation invocation = call.delivery().invocation();
        if (call.isSettled()) {
            events.attemptAbandoned(invocation, attempt);
            return;
        }
        RetryDecision decision = policy.decide(attempt, result.status(), retryAfter(result), ThreadLocalRandom.current()::nextDouble);
        events.attemptFinished(invocation, attempt, result, decision);
        if (decision instanceof RetryDecision.RetryAfter retry) {
            CallChange retrying = CallChange.retryScheduled(invocation, attempt, result.status(), time.now());
            guarded(call, history.record(invocation.callId(), retrying)
                    .thenAccept(held -> unlessCancelled(call, attempt, held, () -> call.retryAfter(retry.delay()))));
        } else if (decision instanceof RetryDecision.Finish finish) {
            finish(call, attempt, policy.maxAttempts(), result, finish.outcome(), Optional.empty());
        }
    }

    private void finish(ActiveCall call, int attempt, int maxAttempts, InvocationResult result,
                        RetryDecision.Outcome outcome, Optional<String> reason) {
        Invocation invocation = call.delivery().invocation();
        CallChange ended = reason.isPresent()
                ? CallChange.ended(invocation, outcome, attempt, result.status(), reason.get(), time.now())
                : CallChange.ended(invocation, outcome, attempt, result.status(), time.now());
        guarded(call, history.record(invocation.callId(), ended).thenAccept(held -> unlessCancelled(call, attempt, held,
                () -> {
                    if (outcome != RetryDecision.Outcome.SUCCEEDED && settings.keepsDeadLetters()) {
                        keepDeadLetter(invocation, attempt, result.status(), reason);
                    }
                    guarded(call, callbacks.dispatch(invocation, result, attempt, maxAttempts).thenRun(() -> {
                        call.ack();
                        events.callFinished(invocation, attempt, result.status(), outcome);
                    }));
                })));
    }

    /** A dead letter the broker cannot keep now is logged; the call still ends, with its callback. */
    private void keepDeadLetter(Invocation invocation, int attempt, int status, Optional<String> reason) {
        try {
            deadLetters.add(new DeadLetter(invocation, attempt, status, time.now(), reason));
        } catch (RuntimeException e) {
            LOG.error("call {} ended without success but cannot be kept as a dead letter: {}",
                    invocation.callId(), e.toString());
        }
    }

    /**
     * Runs {@code next} unless the ledger {@code held} the call cancelled, then acks it instead, or
     * the call was handed back while the ledger answered, then the broker delivers it again.
     */
    private void unlessCancelled(ActiveCall call, int attempt, Optional<CallRecord> held, Runnable next) {
        if (call.isSettled()) {
            return;
        }
        if (cancels(held, call)) {
            cancel(call, attempt);
        } else {
            next.run();
        }
    }

    private void cancelIfCancelled(ActiveCall call, int attempt) {
        CallId callId = call.delivery().invocation().callId();
        if (history.mayHaveBeenCancelled(callId)) {
            guarded(call, history.find(callId).thenAccept(record -> cancelIf(record, call, attempt)));
        }
    }

    private void cancelIf(Optional<CallRecord> record, ActiveCall call, int attempt) {
        if (cancels(record, call)) {
            cancel(call, attempt);
        }
    }

    private static boolean cancels(Optional<CallRecord> record, ActiveCall call) {
        return record.filter(held -> held.cancels(call.delivery().invocation())).isPresent();
    }

    private void cancel(ActiveCall call, int attempt) {
        if (call.cancel()) {
            events.callCancelled(call.delivery().invocation(), attempt);
        }
    }

    /** A step that fails in the worker's own code is {@linkplain #failedInTheWorker handled as a failed attempt}. */
    private void guarded(ActiveCall call, CompletableFuture<?> step) {
        step.whenComplete((ignored, failure) -> {
            if (failure != null) {
                failedInTheWorker(call, failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        });
    }

    /**
     * A failure in the worker's own code counts as an attempt: the call is handed back after the
     * back-off, and once its attempts are exhausted it ends as a dead letter saying why, so that no
     * failure redelivers a call without bound. Logged once per call, when it ends so; should ending
     * it fail too, the call is acked all the same.
     */
    private void failedInTheWorker(ActiveCall call, Throwable failure) {
        Invocation invocation = call.delivery().invocation();
        int attempt = call.delivery().deliveryCount();
        if (call.isSettled()) {
            LOG.debug("call {} failed in the worker after it was settled", invocation.callId(), failure);
            return;
        }
        RetryDecision decision = settings.retryPolicy().afterWorkerFailure(attempt, ThreadLocalRandom.current()::nextDouble);
        if (decision instanceof RetryDecision.RetryAfter retry) {
            LOG.debug("call {} failed in the worker on attempt {}; retrying in {}", invocation.callId(), attempt,
                    retry.delay(), failure);
            call.retryAfter(retry.delay());
        } else if (call.endAfterWorkerFailure()) {
            String reason = "failed in the worker: " + failure;
            LOG.error("call {} failed in the worker on attempt {} of {}; ending it as a dead letter", invocation.callId(),
                    attempt, settings.retryPolicy().maxAttempts(), failure);
            finish(call, attempt, settings.retryPolicy().maxAttempts(), InvocationResult.workerFailed(reason),
                    RetryDecision.Outcome.EXHAUSTED, Optional.of(reason));
        } else {
            LOG.error("call {} failed in the worker again while ending; acking it: {}", invocation.callId(), failure.toString());
            call.ack();
        }
    }

    private Optional<Duration> retryAfter(InvocationResult result) {
        return result.headers().first("Retry-After").flatMap(value -> RetryAfterHeader.parse(value, time.now()));
    }
}
