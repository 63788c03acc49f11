package io.invoq.application;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.CallLifecycle;
import io.invoq.domain.CallRecord;
import io.invoq.domain.CallStep;
import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.domain.RetryDecision;
import io.invoq.ports.out.DeadLetter;
import io.invoq.ports.out.DeadLetters;
import io.invoq.ports.out.FunctionInvoker;
import io.invoq.ports.out.InvocationEvents;
import io.invoq.ports.out.Scheduler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the steps {@link CallLifecycle} decides for one delivery, one attempt: starts it under
 * a kept-alive lease, then hands it back for a later retry or finishes it with a callback and an
 * ack. It decides nothing itself, and settles a delivery only through its {@link ActiveCall}, the one
 * owner of its settlement and of the abort of its function request.
 *
 * <p>Each step is written to the call ledger, whose answer tells whether the call was cancelled: a
 * cancelled call is acked without being invoked, retried or called back, and one cancelled while its
 * function runs is aborted at the next lease extension, which looks at the ledger too. A first
 * attempt waits for the ledger's answer only when the ledger cannot rule out a cancel at once;
 * otherwise it starts at once, and its start is written only once it has run for
 * {@link #RUNNING_RECORDED_AFTER}, so that most calls cost the ledger one write less; it is aborted
 * should that write's answer reveal a cancel that came in meanwhile. A redelivery always waits for
 * the ledger's answer, which may say that the call has already ended: one without a callback is then
 * acked, not run again; one with a callback is run again, since its callback may not have been sent.
 *
 * <p>A failure in the worker's own code, at any step, {@linkplain CallLifecycle#afterWorkerFailure
 * counts as an attempt}.
 */
public final class CallRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CallRunner.class);
    /** An attempt that ends sooner is recorded only by its end: the record goes from queued or retrying to that. */
    static final Duration RUNNING_RECORDED_AFTER = Duration.ofMillis(100);

    private static final CompletableFuture<Optional<CallRecord>> NOTHING_TO_RECORD =
            CompletableFuture.completedFuture(Optional.empty());

    private final WorkerSettings settings;
    private final CallLifecycle lifecycle;
    private final FunctionDirectory functions;
    private final FunctionInvoker invoker;
    private final LeaseExtender leases;
    private final CallbackDispatcher callbacks;
    private final CallHistory history;
    private final DeadLetters deadLetters;
    private final InvocationEvents events;
    private final Scheduler scheduler;

    public CallRunner(WorkerSettings settings, FunctionDirectory functions, FunctionInvoker invoker, LeaseExtender leases,
                      CallbackDispatcher callbacks, CallHistory history, DeadLetters deadLetters,
                      InvocationEvents events, Scheduler scheduler) {
        this.settings = settings;
        this.lifecycle = new CallLifecycle(settings.retryPolicy(), settings.upstreamTimeout());
        this.functions = functions;
        this.invoker = invoker;
        this.leases = leases;
        this.callbacks = callbacks;
        this.history = history;
        this.deadLetters = deadLetters;
        this.events = events;
        this.scheduler = scheduler;
    }

    /** Keeps the lease of a delivery the worker holds, from its fetch until it is settled. */
    void hold(ActiveCall call) {
        int attempt = call.delivery().deliveryCount();
        call.holdLease(leases.keepAlive(call.delivery(), () -> cancelIfCancelled(call, attempt)));
    }

    /** Runs the delivery's attempt; its function is done, and its slot free, once {@link ActiveCall#functionDone()}. */
    void run(ActiveCall call) {
        try {
            carryOut(call, lifecycle.onDelivery(call.delivery().invocation(),
                    functions.resolve(call.delivery().invocation().function())));
        } catch (RuntimeException e) {
            failedInTheWorker(call, e);
        }
    }

    private void carryOut(ActiveCall call, CallStep step) {
        if (step instanceof CallStep.Start start) {
            start(call, start);
        } else if (step instanceof CallStep.Retry retry) {
            retry(call, retry);
        } else if (step instanceof CallStep.Finish finish) {
            finish(call, finish);
        } else if (step instanceof CallStep.Abandon abandon) {
            abandon(call, abandon);
        }
    }

    private void start(ActiveCall call, CallStep.Start start) {
        Invocation invocation = call.delivery().invocation();
        int attempt = call.delivery().deliveryCount();
        CallChange started = CallChange.attemptStarted(invocation, attempt, scheduler.now());
        if (attempt > 1 || history.mayHaveBeenCancelled(invocation.callId())) {
            guarded(call, history.record(invocation.callId(), started).thenAccept(held -> {
                if (!call.isSettled()) {
                    CallLifecycle.onLedgerAnswer(invocation, held)
                            .ifPresentOrElse(instead -> carryOut(call, instead), () -> invoke(call, start));
                }
            }));
        } else {
            Scheduler.Scheduled running = scheduler.schedule(RUNNING_RECORDED_AFTER, () -> guarded(call,
                    history.record(invocation.callId(), started).thenAccept(held -> cancelIf(held, call, attempt))));
            call.functionDone().whenComplete((ignored, error) -> running.cancel());
            if (!call.isSettled()) {
                invoke(call, start);
            }
        }
    }

    private void invoke(ActiveCall call, CallStep.Start start) {
        Invocation invocation = call.delivery().invocation();
        int attempt = call.delivery().deliveryCount();
        events.attemptStarted(invocation, attempt, Duration.between(invocation.notBefore(), scheduler.now()));
        CompletableFuture<InvocationResult> request = invoker.invoke(start.function(), invocation, start.timeout());
        call.running(request);
        guarded(call, request.handle((result, error) -> {
                    call.functionAnswered();
                    return error == null ? result : InvocationResult.unreachable(Duration.ZERO, "invoker failed: " + error);
                })
                .thenAccept(result -> concluded(call, start, result)));
    }

    private void concluded(ActiveCall call, CallStep.Start start, InvocationResult result) {
        Invocation invocation = call.delivery().invocation();
        int attempt = call.delivery().deliveryCount();
        if (call.isSettled()) {
            events.attemptAbandoned(invocation, attempt);
            return;
        }
        CallStep next = CallLifecycle.afterAttempt(attempt, start.policy(), result, scheduler.now(),
                ThreadLocalRandom.current()::nextDouble);
        events.attemptFinished(invocation, attempt, result, next instanceof CallStep.Retry retry
                ? new RetryDecision.RetryAfter(retry.delay())
                : new RetryDecision.Finish(((CallStep.Finish) next).outcome()));
        carryOut(call, next);
    }

    private void retry(ActiveCall call, CallStep.Retry retry) {
        Invocation invocation = call.delivery().invocation();
        int attempt = call.delivery().deliveryCount();
        guarded(call, history.record(invocation.callId(), retry.change(invocation, attempt, scheduler.now()))
                .thenAccept(held -> unlessCancelled(call, attempt, held, () -> call.retryAfter(retry.delay()))));
    }

    private void finish(ActiveCall call, CallStep.Finish finish) {
        Invocation invocation = call.delivery().invocation();
        int attempt = call.delivery().deliveryCount();
        guarded(call, history.record(invocation.callId(), finish.change(invocation, attempt, scheduler.now()))
                .thenAccept(held -> unlessCancelled(call, attempt, held, () -> {
                    if (!finish.succeeded() && settings.keepsDeadLetters()) {
                        keepDeadLetter(invocation, attempt, finish);
                    }
                    guarded(call, callbacks.dispatch(invocation, finish.result(), attempt, finish.maxAttempts())
                            .thenCompose(failure -> failure.isEmpty() ? NOTHING_TO_RECORD
                                    : history.record(invocation.callId(), CallChange.callbackGivenUp(invocation, failure.get())))
                            .thenRun(() -> {
                                call.ack();
                                events.callFinished(invocation, attempt, finish.result().status(), finish.outcome());
                            }));
                })));
    }

    private void abandon(ActiveCall call, CallStep.Abandon abandon) {
        int attempt = call.delivery().deliveryCount();
        if (abandon.why() == CallStep.Abandon.Why.CANCELLED) {
            cancel(call, attempt);
        } else if (call.ackAndAbort()) {
            LOG.info("call {} was delivered again after it had ended; acked without running it again",
                    call.delivery().invocation().callId());
        }
    }

    /** A dead letter the broker cannot keep now is logged; the call still ends, with its callback. */
    private void keepDeadLetter(Invocation invocation, int attempt, CallStep.Finish finish) {
        try {
            deadLetters.add(new DeadLetter(invocation, attempt, finish.result().status(), scheduler.now(),
                    finish.reason()));
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
        if (call.ackAndAbort()) {
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
        CallStep next = lifecycle.afterWorkerFailure(attempt, failure.toString(), ThreadLocalRandom.current()::nextDouble);
        if (next instanceof CallStep.Retry retry) {
            LOG.debug("call {} failed in the worker on attempt {}; retrying in {}", invocation.callId(), attempt,
                    retry.delay(), failure);
            call.retryAfter(retry.delay());
        } else if (call.endAfterWorkerFailure()) {
            LOG.error("call {} failed in the worker on attempt {} of {}; ending it as a dead letter", invocation.callId(),
                    attempt, settings.retryPolicy().maxAttempts(), failure);
            carryOut(call, next);
        } else {
            LOG.error("call {} failed in the worker again while ending; acking it: {}", invocation.callId(),
                    failure.toString());
            call.ack();
        }
    }
}
