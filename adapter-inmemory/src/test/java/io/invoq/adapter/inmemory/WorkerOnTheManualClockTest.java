package io.invoq.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.application.CallHistory;
import io.invoq.application.CallRunner;
import io.invoq.application.CallbackDispatcher;
import io.invoq.application.DrainSwitch;
import io.invoq.application.FunctionDirectory;
import io.invoq.application.InvocationWorker;
import io.invoq.application.LeaseExtender;
import io.invoq.application.SubmitInvocationService;
import io.invoq.application.WorkerSettings;
import io.invoq.domain.Backoff;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.domain.CallState;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import io.invoq.domain.InvocationResult;
import io.invoq.domain.LeaseRule;
import io.invoq.domain.QueueName;
import io.invoq.domain.RetryPolicy;
import io.invoq.ports.contract.StepsRecordingLedger;
import io.invoq.ports.in.SubmitInvocationCommand;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.CallLedgerSettings;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.DestinationPolicy;
import io.invoq.ports.out.FunctionInvoker;
import io.invoq.ports.out.FunctionRegistry;
import io.invoq.ports.out.InvocationEvents;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueSettings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The manual clock drives every wait of a worker and its broker: retry delays, lease extensions and
 * callback back-off alike, so that a schedule of twenty minutes runs without waiting for any of it,
 * and the mark that records a call as running once it has run a while is never reached by a call that
 * ends first.
 */
class WorkerOnTheManualClockTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration TWO_MINUTES = Duration.ofMinutes(2);
    private static final int ATTEMPTS = 10;
    private static final FunctionName FUNCTION = new FunctionName("flaky");
    private static final QueueName QUEUE = new QueueName("manual-clock");
    private static final RetryPolicy CALLBACK_POLICY = new RetryPolicy(
            5, Duration.ofSeconds(30), Duration.ofSeconds(60), RetryPolicy.DEFAULT_RETRY_CODES, Backoff.EXPONENTIAL);
    /** Long enough for anything this test waits for to have happened many times over; never reached when it passes. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);

    private final ManualTimeSource clock = new ManualTimeSource(START);
    private final InvocationQueue queue = InMemoryBrokerModule.newQueue(
            new QueueSettings(Duration.ofSeconds(30), 8, Duration.ofHours(1)), clock);
    private final CallLedger ledger = InMemoryBrokerModule.newCallLedger(CallLedgerSettings.DEFAULT, clock);
    private final FunctionRegistry registry = InMemoryBrokerModule.newFunctionRegistry();
    private final List<Instant> invokedAt = new ArrayList<>();
    private final List<Instant> calledBackAt = new ArrayList<>();
    private InvocationWorker worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
        queue.close();
    }

    @Test
    void a_ten_attempt_back_off_with_two_minute_waits_and_a_callback_failing_twice_run_without_waiting_for_them() {
        registry.save(new FunctionDefinition(FUNCTION, URI.create("http://flaky.invalid/"), Map.of()));
        FunctionDirectory functions = new FunctionDirectory(registry, Optional.empty());
        long wallStart = System.nanoTime();
        CallId call = submitOneCall(functions, ledger);
        startWorker(functions);

        for (int attempt = 1; attempt < ATTEMPTS; attempt++) {
            int made = attempt;
            spinUntil(() -> invocations() == made && queue.stats(QUEUE).inFlight() == 0);
            clock.advance(TWO_MINUTES);
        }
        for (int callback = 1; callback < 3; callback++) {
            int sent = callback;
            // the call's lease extension and the callback's retry wait for the clock
            spinUntil(() -> callbacks() == sent && clock.scheduledTasks() == 2);
            clock.advance(CALLBACK_POLICY.maxWait());
        }
        spinUntil(() -> queue.stats(QUEUE).pending() == 0);
        Duration wallTime = Duration.ofNanos(System.nanoTime() - wallStart);

        assertThat(invokedAt).hasSize(ATTEMPTS);
        for (int i = 1; i < ATTEMPTS; i++) {
            assertThat(Duration.between(invokedAt.get(i - 1), invokedAt.get(i))).as("wait before attempt %d", i + 1)
                    .isEqualTo(TWO_MINUTES);
        }
        assertThat(calledBackAt).hasSize(3);
        assertThat(Duration.between(calledBackAt.get(0), calledBackAt.get(1))).isEqualTo(CALLBACK_POLICY.initialWait());
        assertThat(Duration.between(calledBackAt.get(1), calledBackAt.get(2)))
                .isEqualTo(CALLBACK_POLICY.initialWait().multipliedBy(2));
        assertThat(ledger.find(call).join()).get().extracting(CallRecord::state, CallRecord::attempts)
                .containsExactly(CallState.SUCCEEDED, ATTEMPTS);
        assertThat(Duration.between(START, clock.now())).isGreaterThan(TWO_MINUTES.multipliedBy(ATTEMPTS - 1));
        // a single wait in real time would take two minutes, more than any step is given (GIVE_UP_AFTER);
        // the wall time is shown, not bounded: a loaded machine may take seconds for what takes a fraction of one
        System.out.printf("manual clock: %s of schedule in %d ms of wall time%n",
                Duration.between(START, clock.now()), wallTime.toMillis());
    }

    @Test
    void a_call_that_ends_before_the_running_mark_is_recorded_only_by_its_end() {
        StepsRecordingLedger recording = new StepsRecordingLedger(ledger);
        registry.save(new FunctionDefinition(FUNCTION, URI.create("http://quick.invalid/"), Map.of()));
        FunctionDirectory functions = new FunctionDirectory(registry, Optional.empty());
        CallId call = submitOneCall(functions, recording);
        startWorker(functions, recording, (function, invocation, timeout) -> CompletableFuture.completedFuture(
                new InvocationResult(200, Headers.EMPTY, new byte[0], Duration.ZERO)));

        spinUntil(() -> recording.statesWrittenFor(call).contains(CallState.SUCCEEDED));

        assertThat(recording.statesWrittenFor(call)).containsExactly(CallState.QUEUED, CallState.SUCCEEDED);
    }

    private CallId submitOneCall(FunctionDirectory functions, CallLedger ledger) {
        return new SubmitInvocationService(functions, queue, QUEUE, clock, InvocationEvents.NONE,
                new DrainSwitch(), ledger, DestinationPolicy.ANYWHERE).submit(new SubmitInvocationCommand(FUNCTION, "POST", "", "", Headers.EMPTY,
                new byte[0], Optional.empty(), Optional.of(URI.create("http://callback.invalid/")), Optional.empty()))
                .callId();
    }

    private void startWorker(FunctionDirectory functions) {
        startWorker(functions, ledger, this::invoke);
    }

    private void startWorker(FunctionDirectory functions, CallLedger ledger, FunctionInvoker invoker) {
        WorkerSettings settings = new WorkerSettings(QUEUE, 1, Duration.ofMillis(100), Duration.ofMinutes(1),
                new RetryPolicy(ATTEMPTS, TWO_MINUTES, TWO_MINUTES, RetryPolicy.DEFAULT_RETRY_CODES, Backoff.EXPONENTIAL),
                new LeaseRule(Duration.ofSeconds(30)), CALLBACK_POLICY, true, 0);
        CallRunner runner = new CallRunner(settings, functions, invoker,
                new LeaseExtender(clock, settings.lease()),
                new CallbackDispatcher(callback -> sendCallback(), CALLBACK_POLICY, clock, InvocationEvents.NONE),
                new CallHistory(ledger), InMemoryBrokerModule.newDeadLetters(DeadLetterSettings.DEFAULT, clock),
                InvocationEvents.NONE, clock);
        worker = new InvocationWorker(settings, queue, runner);
        worker.start();
    }

    private synchronized CompletableFuture<InvocationResult> invoke(FunctionDefinition function,
                                                                    io.invoq.domain.Invocation invocation,
                                                                    Duration timeout) {
        invokedAt.add(clock.now());
        int status = invokedAt.size() < ATTEMPTS ? 503 : 200;
        return CompletableFuture.completedFuture(new InvocationResult(status, Headers.EMPTY, new byte[0], Duration.ZERO));
    }

    private synchronized CompletableFuture<Integer> sendCallback() {
        calledBackAt.add(clock.now());
        return CompletableFuture.completedFuture(calledBackAt.size() < 3 ? 503 : 200);
    }

    private synchronized int invocations() {
        return invokedAt.size();
    }

    private synchronized int callbacks() {
        return calledBackAt.size();
    }

    /** Waits without sleeping: the worker's threads only ever wait for the clock, which this test moves. */
    private static void spinUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + GIVE_UP_AFTER);
            }
            Thread.yield();
        }
    }
}
