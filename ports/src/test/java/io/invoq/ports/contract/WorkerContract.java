package io.invoq.ports.contract;

import static io.invoq.ports.contract.SampleInvocations.FUNCTION;
import static io.invoq.ports.contract.SampleInvocations.uniqueQueueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoq.application.CallHistory;
import io.invoq.application.CallRunner;
import io.invoq.application.CallStatusService;
import io.invoq.application.CallbackDispatcher;
import io.invoq.application.DeadLetterService;
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
import io.invoq.domain.DurationText;
import io.invoq.domain.EpochNanos;
import io.invoq.domain.FunctionAnnotations;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import io.invoq.domain.LeaseRule;
import io.invoq.domain.QueueName;
import io.invoq.domain.RetryDecision;
import io.invoq.domain.RetryPolicy;
import io.invoq.ports.contract.RecordingQueue.Settlement;
import io.invoq.ports.in.ReplayTooSoonException;
import io.invoq.ports.in.Submission;
import io.invoq.ports.in.SubmitInvocationCommand;
import io.invoq.ports.in.SubmitInvocationCommand.After;
import io.invoq.ports.in.SubmitInvocationCommand.DeferredStart;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.Callback;
import io.invoq.ports.out.DeadLetter;
import io.invoq.ports.out.DeadLetters;
import io.invoq.ports.out.DestinationPolicy;
import io.invoq.ports.out.InvocationEvents;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.Scheduler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's delivery semantics of design.md §3 and its callback (§2), on a real broker: the real
 * {@link InvocationWorker} and {@link SubmitInvocationService} against the broker an adapter supplies,
 * with scripted functions, a recording callback receiver and a registry in a map.
 *
 * <p>An adapter runs it by subclassing it in its own tests and supplying
 * <ul>
 *   <li>{@link #newQueue(QueueSettings)}: a broker with those settings. The suite closes it after
 *       the test and uses queue names no other test uses, so brokers may share one server;</li>
 *   <li>{@link #newLedger()}: a call ledger over the store every ledger of the test shares, as
 *       another process's would be;</li>
 *   <li>{@link #newDeadLetters()}: the broker's dead letters, likewise;</li>
 *   <li>{@link #letTimePass(Duration)} and {@link #now()}: the broker's clock, as in
 *       {@link InvocationQueueContract};</li>
 *   <li>{@link #scheduler()}: that clock as the worker and the submissions read it, and the timer
 *       of the worker's own waits (lease extensions, callback back-off).</li>
 * </ul>
 * and, for real time, overriding the retry schedule ({@link #maxRetryAttempts()},
 * {@link #initialRetryWait()}, {@link #maxRetryWait()}) and {@link #ackWait()} so that the tests
 * finish in seconds. The other hooks have defaults for real time.
 *
 * <p>The worker waits on the same clock as the broker: it extends leases every third of
 * {@link #ackWait()} and retries callbacks after a few milliseconds of it. The suite moves a manual
 * clock only when the worker has acted on the broker, through a {@link RecordingQueue} wrapped
 * around it, or when it waits for one of the worker's own timers, so that on a manual clock every
 * wait it measures is exact.
 */
public abstract class WorkerContract {

    private static final Duration OUTLASTS_ANY_TEST = Duration.ofHours(1);
    private static final int ROOMY_INFLIGHT = 64;
    private static final Duration FETCH_WAIT = Duration.ofMillis(100);
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofMinutes(1);
    private static final RetryPolicy CALLBACK_POLICY = new RetryPolicy(
            3, Duration.ofMillis(20), Duration.ofMillis(40), RetryPolicy.DEFAULT_RETRY_CODES, Backoff.EXPONENTIAL);
    private static final URI CALLBACK_URL = URI.create("https://callback.invalid/hook");
    private static final int OK = 200;
    private static final int UNAVAILABLE = 503;
    private static final int TEAPOT = 418;
    /** How long an attempt runs before the worker records it as running. */
    private static final Duration RUNNING_RECORDED_AFTER = Duration.ofMillis(100);

    private final QueueName queue = uniqueQueueName();
    private final ContractTiming timing = new ContractTiming(this::now, this::letTimePass, this::patience);
    private final FunctionTable registry = new FunctionTable();
    private final ScriptedFunctions functions = new ScriptedFunctions(this::now);
    private final RecordingCallbacks callbacks = new RecordingCallbacks(this::now);
    private final RecordingEvents events = new RecordingEvents();
    private final List<InvocationQueue> brokers = new ArrayList<>();
    private final List<InvocationWorker> workers = new ArrayList<>();
    private CallLedger workerLedger;
    private DeadLetters deadLetters;
    private CallStatusService gateway;

    /** A broker with these settings; the suite closes it after the test. */
    protected abstract InvocationQueue newQueue(QueueSettings settings);

    /** A call ledger over the store every ledger of the test shares, keeping records for a day. */
    protected abstract CallLedger newLedger();

    /** Dead letters over the store all of the test share, kept for a week. */
    protected abstract DeadLetters newDeadLetters();

    /** Lets at least {@code duration} pass as the broker sees it: moves a manual clock, does nothing in real time. */
    protected abstract void letTimePass(Duration duration);

    /** The broker's notion of now. */
    protected abstract Instant now();

    /**
     * The clock the worker and the submissions read, and on which the worker waits: the broker's
     * manual clock, or the system's.
     */
    protected abstract Scheduler scheduler();

    /** {@code max_retry_attempts}; at least 4, so that an annotation's 3 can be told from it. */
    protected int maxRetryAttempts() {
        return RetryPolicy.DEFAULT_MAX_ATTEMPTS;
    }

    /** {@code initial_retry_wait}: the wait after the first failed attempt, doubling after each one. */
    protected Duration initialRetryWait() {
        return RetryPolicy.DEFAULT_INITIAL_WAIT;
    }

    /** {@code max_retry_wait}: where the doubling stops; over a second, since {@code Retry-After} counts whole seconds. */
    protected Duration maxRetryWait() {
        return RetryPolicy.DEFAULT_MAX_WAIT;
    }

    /**
     * The lease of the test that keeps a call running for three of them. The worker extends it on a
     * real-time timer, so it is short on a manual clock too.
     */
    protected Duration ackWait() {
        return Duration.ofSeconds(1);
    }

    /** How much later than due the broker may deliver a retry or a deferred call; zero on a manual clock. */
    protected Duration schedulingSlack() {
        return ackWait().multipliedBy(2);
    }

    /** How long (real time) the suite watches when it checks that nothing happens. */
    protected Duration quietPeriod() {
        return ackWait().dividedBy(10);
    }

    /** How long before a deadline the suite checks that it has not been reached; real time needs room for jitter. */
    protected Duration deadlineMargin() {
        return ackWait().dividedBy(2);
    }

    /** How long (real time) a draining worker lets its calls finish; well over one fetch and {@link #quietPeriod()}. */
    protected Duration drainGrace() {
        return FETCH_WAIT.plus(quietPeriod()).multipliedBy(4);
    }

    /** The longest the suite waits for anything before it fails. */
    protected Duration patience() {
        return ackWait().multipliedBy(5).plusSeconds(10);
    }

    @BeforeEach
    void registerFunction() {
        registry.save(definition(FUNCTION, Map.of()));
    }

    @AfterEach
    void stopWorkersAndBrokers() {
        workers.forEach(InvocationWorker::close);
        brokers.forEach(InvocationQueue::close);
    }

    // --- retries ---

    @Test
    void a_call_answered_503_503_200_is_invoked_three_times_backing_off_and_called_back_once_with_the_200() {
        RecordingQueue broker = broker();
        Submission call = runOneCall(broker, FUNCTION,
                ScriptedAnswer.status(UNAVAILABLE),
                ScriptedAnswer.status(UNAVAILABLE),
                ScriptedAnswer.status(OK).withHeaders("Content-Type", "application/json", "X-Answer", "42")
                        .withBody("{\"answer\":42}"));

        letRetriesFallDue(broker, call.callId(), 3);

        Callback callback = theCallback(broker, call.callId());
        assertWaitsBetweenAttempts(call.callId(), initialRetryWait(), initialRetryWait().multipliedBy(2));
        assertThat(callback.url()).isEqualTo(CALLBACK_URL);
        assertThat(callback.headers().values()).containsAllEntriesOf(Headers.of(
                "X-Function-Status", "200",
                "X-Retry", "3",
                "X-Retry-Max", Integer.toString(maxRetryAttempts()),
                "X-Call-Id", call.callId().value(),
                "X-Function-Name", FUNCTION.value(),
                "X-Duration-Seconds", "0.002885",
                "X-Start-Time", Long.toString(EpochNanos.of(call.acceptedAt())),
                "Content-Type", "application/json",
                "X-Answer", "42").values());
        assertThat(new String(callback.body(), StandardCharsets.UTF_8)).isEqualTo("{\"answer\":42}");
        assertThat(outcomeOf(call.callId())).isEqualTo(RetryDecision.Outcome.SUCCEEDED);
        assertLedgerShows(call.callId(), CallState.SUCCEEDED, 3, OK);
        assertThat(deadLetterOf(broker, call.callId())).as("a call that succeeded is no dead letter").isEmpty();
    }

    @Test
    void a_worker_told_to_keep_no_dead_letters_still_calls_back_and_records_a_failed_call() {
        RecordingQueue broker = broker();
        functions.answer(FUNCTION, ScriptedAnswer.status(TEAPOT));
        Submission call = submit(broker, FUNCTION);
        startWorker(broker, 1, false);

        Callback callback = theCallback(broker, call.callId());

        assertThat(callback.headers().first("X-Function-Status")).contains("418");
        assertLedgerShows(call.callId(), CallState.FAILED, 1, TEAPOT);
        assertThat(deadLetterOf(broker, call.callId())).isEmpty();
    }

    @Test
    void a_call_answered_418_is_invoked_once_and_called_back_with_418() {
        RecordingQueue broker = broker();
        Submission call = runOneCall(broker, FUNCTION, ScriptedAnswer.status(TEAPOT));

        Callback callback = theCallback(broker, call.callId());

        assertThat(functions.invocationTimesOf(call.callId())).hasSize(1);
        assertThat(broker.settlementsOf(call.callId())).containsExactly(Settlement.ack(call.callId()));
        assertThat(callback.headers().first("X-Function-Status")).contains("418");
        assertThat(callback.headers().first("X-Retry")).contains("1");
        assertThat(outcomeOf(call.callId())).isEqualTo(RetryDecision.Outcome.FAILED);
        assertLedgerShows(call.callId(), CallState.FAILED, 1, TEAPOT);
        assertDeadLetter(broker, call.callId(), 1, TEAPOT);
    }

    @Test
    void a_call_that_keeps_failing_is_invoked_max_retry_attempts_times_on_the_exponential_schedule() {
        RecordingQueue broker = broker();
        Submission call = runOneCall(broker, FUNCTION, ScriptedAnswer.status(UNAVAILABLE));

        letRetriesFallDue(broker, call.callId(), maxRetryAttempts());

        Callback callback = theCallback(broker, call.callId());
        assertThat(functions.invocationTimesOf(call.callId())).hasSize(maxRetryAttempts());
        assertWaitsBetweenAttempts(call.callId(), exponentialSchedule());
        assertThat(callback.headers().first("X-Function-Status")).contains("503");
        assertThat(callback.headers().first("X-Retry")).contains(Integer.toString(maxRetryAttempts()));
        assertThat(callback.headers().first("X-Retry-Max")).contains(Integer.toString(maxRetryAttempts()));
        assertThat(outcomeOf(call.callId())).isEqualTo(RetryDecision.Outcome.EXHAUSTED);
        assertLedgerShows(call.callId(), CallState.DEAD_LETTERED, maxRetryAttempts(), UNAVAILABLE);
        assertDeadLetter(broker, call.callId(), maxRetryAttempts(), UNAVAILABLE);
    }

    @Test
    void retry_after_on_429_sets_the_wait_but_never_below_the_initial_wait_nor_above_the_max_wait() {
        RecordingQueue broker = broker();
        Duration asked = Duration.ofSeconds(initialRetryWait().multipliedBy(3).toSeconds() + 1);
        Submission call = runOneCall(broker, FUNCTION,
                ScriptedAnswer.status(429).withHeaders("Retry-After", Long.toString(asked.toSeconds())),
                ScriptedAnswer.status(429).withHeaders("Retry-After", "0"),
                ScriptedAnswer.status(429).withHeaders("Retry-After", Long.toString(Duration.ofDays(2).toSeconds())),
                ScriptedAnswer.status(OK));

        letRetriesFallDue(broker, call.callId(), 4);

        assertThat(theCallback(broker, call.callId()).headers().first("X-Function-Status")).contains("200");
        assertWaitsBetweenAttempts(call.callId(), asked, initialRetryWait(), maxRetryWait());
    }

    @Test
    void a_functions_retry_annotations_override_the_default_attempts_codes_and_waits() {
        RecordingQueue broker = broker();
        FunctionName annotated = new FunctionName("contract-annotated-fn");
        Duration minWait = initialRetryWait().multipliedBy(2);
        Duration maxWait = initialRetryWait().multipliedBy(3);
        registry.save(definition(annotated, Map.of(
                FunctionAnnotations.RETRY_ATTEMPTS.name(), "3",
                FunctionAnnotations.RETRY_CODES.name(), Integer.toString(TEAPOT),
                FunctionAnnotations.RETRY_MIN_WAIT.name(), DurationText.format(minWait),
                FunctionAnnotations.RETRY_MAX_WAIT.name(), DurationText.format(maxWait))));
        Submission call = runOneCall(broker, annotated, ScriptedAnswer.status(TEAPOT));

        letRetriesFallDue(broker, call.callId(), 3);

        Callback callback = theCallback(broker, call.callId());
        assertThat(functions.invocationTimesOf(call.callId())).hasSize(3);
        assertWaitsBetweenAttempts(call.callId(), minWait, maxWait);
        assertThat(callback.headers().first("X-Function-Status")).contains("418");
        assertThat(callback.headers().first("X-Retry")).contains("3");
        assertThat(callback.headers().first("X-Retry-Max")).contains("3");
    }

    @Test
    void a_call_waiting_out_a_retry_delay_waits_in_the_broker_and_leaves_the_only_slot_to_the_next_call() {
        RecordingQueue broker = broker();
        FunctionName patient = new FunctionName("contract-patient-fn");
        String anHour = DurationText.format(OUTLASTS_ANY_TEST);
        registry.save(definition(patient, Map.of(
                FunctionAnnotations.RETRY_MIN_WAIT.name(), anHour, FunctionAnnotations.RETRY_MAX_WAIT.name(), anHour)));
        functions.answer(patient, ScriptedAnswer.status(UNAVAILABLE));
        functions.answer(FUNCTION, ScriptedAnswer.status(OK));
        Submission waiting = submit(broker, patient);
        Submission next = submit(broker, FUNCTION);
        startWorker(broker, 1);

        theCallback(broker, next.callId());

        assertThat(functions.invokedCalls()).containsExactly(waiting.callId(), next.callId());
        // the slot is free once the function has answered, so the retry may be settled after the next call ended
        assertThat(timing.eventually().until(() -> broker.settlementsOf(waiting.callId()), settled -> !settled.isEmpty()))
                .containsExactly(Settlement.retry(waiting.callId(), OUTLASTS_ANY_TEST));
        assertThat(callbacks.attemptsFor(waiting.callId())).isEmpty();
    }

    // --- failures inside the worker ---

    @Test
    void a_call_that_fails_inside_the_worker_backs_off_per_attempt_and_ends_as_a_dead_letter_saying_why() {
        RecordingQueue broker = broker();
        FunctionName poison = new FunctionName("contract-poison-fn");
        registry.save(definition(poison, Map.of()));
        Submission call = submit(broker, poison);
        registry.failToFind(poison, "the registry broke");
        startWorker(broker, 1);

        for (int attempt = 1; attempt < maxRetryAttempts(); attempt++) {
            int settled = attempt;
            Settlement settlement = timing.eventually()
                    .until(() -> broker.settlementsOf(call.callId()), settlements -> settlements.size() >= settled)
                    .get(settled - 1);
            assertThat(settlement).as("what followed attempt %d", settled)
                    .isEqualTo(Settlement.retry(call.callId(), exponentialSchedule()[settled - 1]));
            letTimePass(settlement.delay());
            timing.eventually().until(() -> broker.deliveriesOf(call.callId()) > settled);
        }

        Callback callback = theCallback(broker, call.callId());
        assertThat(broker.deliveriesOf(call.callId())).isEqualTo(maxRetryAttempts());
        assertThat(functions.invokedCalls()).isEmpty();
        assertThat(callback.headers().first("X-Function-Status")).contains("500");
        assertThat(callback.headers().first("X-Retry")).contains(Integer.toString(maxRetryAttempts()));
        assertThat(new String(callback.body(), StandardCharsets.UTF_8)).contains("the registry broke");
        assertThat(outcomeOf(call.callId())).isEqualTo(RetryDecision.Outcome.EXHAUSTED);
        assertLedgerShows(call.callId(), CallState.DEAD_LETTERED, maxRetryAttempts(), 500);
        assertThat(ledgerRecordOf(call.callId()).reason()).hasValueSatisfying(
                reason -> assertThat(reason).contains("the registry broke"));
        assertDeadLetter(broker, call.callId(), maxRetryAttempts(), 500);
        assertThat(deadLetterOf(broker, call.callId()).orElseThrow().reason()).hasValueSatisfying(
                reason -> assertThat(reason).contains("the registry broke"));
        timing.eventually().during(quietPeriod()).until(() -> broker.deliveriesOf(call.callId()) == maxRetryAttempts());
    }

    // --- leases ---

    @Test
    void a_call_running_for_three_leases_is_invoked_once_because_the_worker_keeps_its_lease_alive() {
        RecordingQueue broker = brokerWithLease(ackWait());
        functions.answer(FUNCTION, ScriptedAnswer.status(OK).heldOpen());
        Submission call = submit(broker, FUNCTION);
        startWorker(broker, 2); // a free slot, so that a lapsed lease shows as a second invocation
        Instant invokedAt = timing.eventually()
                .until(() -> functions.invocationTimesOf(call.callId()), times -> !times.isEmpty()).get(0);

        while (!now().isAfter(invokedAt.plus(ackWait().multipliedBy(3)))) {
            int extensions = broker.leaseExtensions();
            untilWhileTimePasses(extendEvery(), () -> broker.leaseExtensions() > extensions);
        }
        functions.release(call.callId());

        assertThat(theCallback(broker, call.callId()).headers().first("X-Retry")).contains("1");
        assertThat(functions.invocationTimesOf(call.callId())).hasSize(1);
        assertThat(broker.deliveriesOf(call.callId())).isEqualTo(1);
        int extensionsWhenDone = broker.leaseExtensions();
        Duration twoExtensionPeriods = extendEvery().multipliedBy(2);
        letTimePass(twoExtensionPeriods);
        timing.eventually().during(twoExtensionPeriods).until(() -> broker.leaseExtensions() == extensionsWhenDone);
    }

    // --- deferred start ---

    @Test
    void a_deferred_call_is_not_invoked_before_its_start_time_and_its_first_invocation_is_attempt_1() {
        RecordingQueue broker = broker();
        functions.answer(FUNCTION, ScriptedAnswer.status(OK));
        startWorker(broker, 1);
        Duration delay = ackWait();

        Submission call = submit(broker, FUNCTION, Optional.of(new After(delay)));
        Instant due = call.acceptedAt().plus(delay);

        timing.waitUntil(due.minus(deadlineMargin()));
        // judged by when it was invoked, so that a test thread stalled past the start time still tells
        timing.eventually().during(quietPeriod()).until(() -> functions.invocationTimesOf(call.callId()).stream()
                .noneMatch(invokedAt -> invokedAt.isBefore(due)));
        timing.letTimePassUntil(due);
        Callback callback = theCallback(broker, call.callId());
        assertThat(functions.invocationTimesOf(call.callId())).singleElement()
                .satisfies(invokedAt -> assertThat(invokedAt).isAfterOrEqualTo(due));
        assertThat(callback.headers().first("X-Retry")).contains("1");
    }

    // --- callbacks ---

    @Test
    void a_failed_callback_is_retried_with_back_off_without_invoking_the_function_again() {
        RecordingQueue broker = broker();
        callbacks.failNext(2);
        Submission call = runOneCall(broker, FUNCTION, ScriptedAnswer.status(OK));
        untilWhileTimePasses(CALLBACK_POLICY.initialWait(), () -> broker.wasAcked(call.callId()));

        assertThat(theCallback(broker, call.callId()).headers().first("X-Function-Status")).contains("200");

        List<Instant> sentAt = callbacks.attemptsFor(call.callId()).stream()
                .map(RecordingCallbacks.Attempt::sentAt).toList();
        assertThat(sentAt).hasSize(3);
        assertThat(Duration.between(sentAt.get(0), sentAt.get(1))).isGreaterThanOrEqualTo(CALLBACK_POLICY.initialWait());
        assertThat(Duration.between(sentAt.get(1), sentAt.get(2)))
                .isGreaterThanOrEqualTo(CALLBACK_POLICY.initialWait().multipliedBy(2));
        assertThat(functions.invocationTimesOf(call.callId())).hasSize(1);
        assertThat(events.callbackFailures()).isEmpty();
    }

    @Test
    void a_callback_that_never_succeeds_is_reported_and_its_call_is_still_acked() {
        RecordingQueue broker = broker();
        callbacks.failNext(CALLBACK_POLICY.maxAttempts());
        Submission call = runOneCall(broker, FUNCTION, ScriptedAnswer.status(OK));

        untilWhileTimePasses(CALLBACK_POLICY.initialWait(), () -> broker.wasAcked(call.callId()));

        assertThat(events.callbackFailures()).containsExactly(call.callId());
        List<RecordingCallbacks.Attempt> attempts = callbacks.attemptsFor(call.callId());
        assertThat(attempts).hasSize(CALLBACK_POLICY.maxAttempts()).noneMatch(RecordingCallbacks.Attempt::received);
        assertThat(ledgerRecordOf(call.callId()).state()).isEqualTo(CallState.SUCCEEDED);
        assertThat(ledgerRecordOf(call.callId()).callbackFailure()).hasValueSatisfying(failure -> {
            assertThat(failure.givenUpAt()).isAfterOrEqualTo(attempts.get(attempts.size() - 1).sentAt());
            assertThat(failure.reason()).isEqualTo("callback answered 503");
        });
        assertThat(broker.settlementsOf(call.callId())).containsExactly(Settlement.ack(call.callId()));
        timing.eventually().until(() -> broker.stats(queue).pending() == 0);
        assertThat(functions.invocationTimesOf(call.callId())).hasSize(1);
        assertThat(broker.deliveriesOf(call.callId())).isEqualTo(1);
    }

    @Test
    void a_callback_delivered_at_once_leaves_no_failure_in_the_calls_status() {
        RecordingQueue broker = broker();
        Submission call = runOneCall(broker, FUNCTION, ScriptedAnswer.status(OK));

        theCallback(broker, call.callId());

        assertThat(ledgerRecordOf(call.callId()).callbackFailure()).isEmpty();
    }

    // --- a call delivered again after it ended ---

    @Test
    void a_call_without_a_callback_delivered_again_after_it_succeeded_is_acked_without_a_second_invocation() {
        RecordingQueue broker = brokerWithLease(ackWait());
        Submission call = runEndingWithALostAck(broker, Optional.empty(), ScriptedAnswer.status(OK));

        assertThat(broker.settlementsOf(call.callId())).extracting(Settlement::outcome)
                .containsExactly(Settlement.Outcome.LOST_ACK, Settlement.Outcome.ACK);
        assertThat(functions.invocationTimesOf(call.callId())).hasSize(1);
        assertLedgerShows(call.callId(), CallState.SUCCEEDED, 1, OK);
        timing.eventually().until(() -> broker.stats(queue).pending() == 0);
    }

    @Test
    void a_call_without_a_callback_delivered_again_after_it_failed_is_neither_run_nor_kept_as_a_dead_letter_twice() {
        RecordingQueue broker = brokerWithLease(ackWait());
        Submission call = runEndingWithALostAck(broker, Optional.empty(), ScriptedAnswer.status(TEAPOT));

        assertThat(functions.invocationTimesOf(call.callId())).hasSize(1);
        assertLedgerShows(call.callId(), CallState.FAILED, 1, TEAPOT);
        assertThat(deadLetterOf(broker, call.callId())).hasValueSatisfying(letter -> {
            assertThat(letter.attempts()).as("attempts").isEqualTo(1);
            assertThat(letter.lastStatus()).as("last status").isEqualTo(TEAPOT);
        });
    }

    @Test
    void a_call_with_a_callback_delivered_again_after_it_ended_is_run_and_called_back_again_rather_than_lose_its_callback() {
        RecordingQueue broker = brokerWithLease(ackWait());
        Submission call = runEndingWithALostAck(broker, Optional.of(CALLBACK_URL), ScriptedAnswer.status(OK), ScriptedAnswer.status(OK));

        assertThat(functions.invocationTimesOf(call.callId())).hasSize(2);
        assertThat(callbacks.attemptsFor(call.callId())).hasSize(2);
        assertLedgerShows(call.callId(), CallState.SUCCEEDED, 1, OK);
        timing.eventually().until(() -> broker.stats(queue).pending() == 0);
    }

    // --- draining ---

    @Test
    void draining_hands_back_the_calls_still_running_after_the_grace_and_another_worker_completes_them() {
        RecordingQueue broker = broker();
        functions.answer(FUNCTION, ScriptedAnswer.status(OK).heldOpen());
        List<CallId> calls = IntStream.range(0, 3).mapToObj(i -> submit(broker, FUNCTION).callId()).toList();
        CallId finishesInTheGrace = calls.get(2);
        List<CallId> outlastTheGrace = calls.subList(0, 2);
        InvocationWorker draining = startWorker(broker, calls.size() + 1);
        timing.eventually().until(() -> functions.openCalls() == calls.size());

        CompletableFuture<Integer> handedBack = CompletableFuture.supplyAsync(() -> draining.drain(drainGrace()));
        // the worker stops pulling within one fetch, then waits out the grace
        timing.eventually().during(FETCH_WAIT.plus(quietPeriod())).until(() -> !handedBack.isDone());
        functions.release(finishesInTheGrace);
        timing.eventually().until(handedBack::isDone);

        assertThat(handedBack.join()).isEqualTo(outlastTheGrace.size());
        assertThat(broker.settlementsOf(finishesInTheGrace)).containsExactly(Settlement.ack(finishesInTheGrace));
        outlastTheGrace.forEach(call -> assertThat(broker.settlementsOf(call))
                .as("handed back for immediate redelivery").containsExactly(Settlement.retry(call, Duration.ZERO)));
        assertThat(functions.abortedCalls()).containsExactlyInAnyOrderElementsOf(outlastTheGrace);
        timing.eventually().until(() -> events.abandonedAttempts().size() == outlastTheGrace.size());
        assertThat(events.abandonedAttempts()).containsExactlyInAnyOrderElementsOf(outlastTheGrace);

        functions.answer(FUNCTION, ScriptedAnswer.status(OK));
        startWorker(broker, calls.size());
        calls.forEach(call -> theCallback(broker, call));
        outlastTheGrace.forEach(call -> assertThat(functions.invocationTimesOf(call)).hasSize(2));
        assertThat(functions.invocationTimesOf(finishesInTheGrace)).hasSize(1);
    }

    // --- registry ---

    @Test
    void a_call_whose_function_was_removed_after_submission_ends_with_a_404_callback_and_no_retry() {
        RecordingQueue broker = broker();
        FunctionName removed = new FunctionName("contract-removed-fn");
        registry.save(definition(removed, Map.of()));
        Submission call = submit(broker, removed);
        registry.remove(removed);
        startWorker(broker, 1);

        Callback callback = theCallback(broker, call.callId());

        assertThat(callback.headers().first("X-Function-Status")).contains("404");
        assertThat(callback.headers().first("X-Retry")).contains("1");
        assertThat(functions.invokedCalls()).isEmpty();
        assertThat(broker.settlementsOf(call.callId())).containsExactly(Settlement.ack(call.callId()));
        assertThat(outcomeOf(call.callId())).isEqualTo(RetryDecision.Outcome.FAILED);
        assertLedgerShows(call.callId(), CallState.FAILED, 1, 404);
    }

    // --- the ledger and cancelling ---

    @Test
    void a_call_cancelled_while_it_waits_in_the_queue_is_acked_without_being_invoked_or_called_back() {
        RecordingQueue broker = broker();
        functions.answer(FUNCTION, ScriptedAnswer.status(OK));
        Submission cancelled = submit(broker, FUNCTION);
        Submission next = submit(broker, FUNCTION);
        timing.eventually().until(() -> ledgerStateOf(cancelled.callId()), state -> state == CallState.QUEUED);

        assertThat(cancel(cancelled.callId()).state()).isEqualTo(CallState.CANCELLED);
        startWorker(broker, 1);

        theCallback(broker, next.callId());
        timing.eventually().until(() -> broker.wasAcked(cancelled.callId()));
        assertThat(functions.invokedCalls()).containsExactly(next.callId());
        assertThat(broker.settlementsOf(cancelled.callId())).containsExactly(Settlement.ack(cancelled.callId()));
        assertThat(callbacks.attemptsFor(cancelled.callId())).isEmpty();
        assertThat(events.cancelledCalls()).containsExactly(cancelled.callId());
        assertThat(ledgerStateOf(cancelled.callId())).isEqualTo(CallState.CANCELLED);
        timing.eventually().until(() -> broker.stats(queue).pending() == 0);
    }

    @Test
    void a_call_cancelled_while_its_function_runs_is_aborted_at_the_next_lease_extension_and_never_retried() {
        RecordingQueue broker = brokerWithLease(ackWait());
        functions.answer(FUNCTION, ScriptedAnswer.status(UNAVAILABLE).heldOpen());
        Submission call = submit(broker, FUNCTION);
        startWorker(broker, 1);
        // invoked, the call is held under a kept lease, which moving the clock no longer lets run out
        timing.eventually().until(() -> functions.invokedCalls().contains(call.callId()));
        untilWhileTimePasses(RUNNING_RECORDED_AFTER, () -> ledgerStateOf(call.callId()) == CallState.RUNNING);
        int extensionsBeforeCancel = broker.leaseExtensions();

        assertThat(cancel(call.callId()).state()).isEqualTo(CallState.CANCELLED);

        untilWhileTimePasses(extendEvery(), () -> functions.abortedCalls().contains(call.callId()));
        assertThat(broker.leaseExtensions()).as("extensions until the abort").isLessThanOrEqualTo(extensionsBeforeCancel + 2);
        assertThat(broker.settlementsOf(call.callId())).containsExactly(Settlement.ack(call.callId()));
        assertThat(events.cancelledCalls()).containsExactly(call.callId());
        timing.eventually().during(quietPeriod()).until(() -> functions.invocationTimesOf(call.callId()).size() == 1);
        assertThat(callbacks.attemptsFor(call.callId())).isEmpty();
        assertThat(ledgerRecordOf(call.callId())).satisfies(record -> {
            assertThat(record.state()).isEqualTo(CallState.CANCELLED);
            assertThat(record.attempts()).isEqualTo(1);
        });
    }

    @Test
    void a_call_cancelled_while_its_function_runs_is_neither_retried_nor_called_back_when_the_answer_comes() {
        RecordingQueue broker = broker();
        FunctionName failing = new FunctionName("contract-failing-fn");
        registry.save(definition(failing, Map.of()));
        functions.answer(FUNCTION, ScriptedAnswer.status(OK).heldOpen());
        functions.answer(failing, ScriptedAnswer.status(UNAVAILABLE).heldOpen());
        List<CallId> calls = List.of(submit(broker, FUNCTION).callId(), submit(broker, failing).callId());
        startWorker(broker, 2);
        timing.eventually().until(() -> functions.openCalls() == 2);

        calls.forEach(this::cancel);
        functions.releaseAll();

        for (CallId call : calls) {
            timing.eventually().until(() -> broker.wasAcked(call));
            assertThat(broker.settlementsOf(call)).containsExactly(Settlement.ack(call));
            assertThat(functions.invocationTimesOf(call)).hasSize(1);
            assertThat(callbacks.attemptsFor(call)).isEmpty();
        }
        assertThat(events.cancelledCalls()).containsExactlyInAnyOrderElementsOf(calls);
    }

    @Test
    void an_attempt_starts_without_waiting_for_the_ledger_once_the_worker_knows_no_cancel_was_recorded() {
        HeldAnswersLedger ledger = new HeldAnswersLedger(newLedger());
        workerLedger = ledger;
        RecordingQueue broker = broker();
        functions.answer(FUNCTION, ScriptedAnswer.status(OK));
        Submission call = submit(broker, FUNCTION);
        timing.eventually().until(() -> !ledger.mayHaveBeenCancelled(call.callId()));

        ledger.holdAnswers();
        startWorker(broker, 1);

        timing.eventually().until(() -> functions.invokedCalls().contains(call.callId()));
        timing.eventually().during(quietPeriod()).until(() -> callbacks.attemptsFor(call.callId()).isEmpty());
        ledger.release();
        theCallback(broker, call.callId());
        assertLedgerShows(call.callId(), CallState.SUCCEEDED, 1, OK);
    }

    @Test
    void an_attempt_that_runs_a_while_is_recorded_as_running() {
        StepsRecordingLedger ledger = new StepsRecordingLedger(newLedger());
        workerLedger = ledger;
        RecordingQueue broker = broker();
        functions.answer(FUNCTION, ScriptedAnswer.status(OK).heldOpen());
        CallId held = submit(broker, FUNCTION).callId();
        startWorker(broker, 1);

        untilWhileTimePasses(RUNNING_RECORDED_AFTER, () -> ledgerRecordOf(held).state() == CallState.RUNNING);
        assertThat(ledgerRecordOf(held).attempts()).isEqualTo(1);
        functions.releaseAll();
        theCallback(broker, held);

        assertThat(ledger.statesWrittenFor(held)).containsExactly(CallState.QUEUED, CallState.RUNNING, CallState.SUCCEEDED);
        assertLedgerShows(held, CallState.SUCCEEDED, 1, OK);
    }

    @Test
    void a_call_that_has_ended_stays_as_it_ended_and_an_unknown_one_cannot_be_cancelled() {
        RecordingQueue broker = broker();
        Submission call = runOneCall(broker, FUNCTION, ScriptedAnswer.status(OK));
        theCallback(broker, call.callId());

        assertThat(cancel(call.callId()).state()).isEqualTo(CallState.SUCCEEDED);
        assertThat(gateway().cancel(CallId.generate())).isEmpty();
    }

    @Test
    void calls_run_retry_and_are_called_back_as_usual_while_the_ledger_cannot_be_reached() {
        workerLedger = new UnreachableLedger();
        RecordingQueue broker = broker();
        Submission call = runOneCall(broker, FUNCTION, ScriptedAnswer.status(UNAVAILABLE), ScriptedAnswer.status(OK));

        letRetriesFallDue(broker, call.callId(), 2);

        assertThat(theCallback(broker, call.callId()).headers().first("X-Function-Status")).contains("200");
        assertThat(outcomeOf(call.callId())).isEqualTo(RetryDecision.Outcome.SUCCEEDED);
    }

    // --- dead letters ---

    @Test
    void a_dead_letter_replayed_once_the_duplicate_window_has_passed_is_run_again_from_its_first_attempt() {
        Duration duplicateWindow = ackWait();
        RecordingQueue broker = brokerWithDuplicateWindow(duplicateWindow);
        Submission call = runOneCall(broker, FUNCTION, ScriptedAnswer.status(TEAPOT));
        theCallback(broker, call.callId());
        DeadLetterService gateway = deadLetterService(broker);

        assertThatThrownBy(() -> gateway.replay(queue, call.callId()))
                .as("inside the duplicate window").isInstanceOf(ReplayTooSoonException.class);
        assertThat(deadLetterOf(broker, call.callId())).as("still a dead letter").isPresent();

        functions.answer(FUNCTION, ScriptedAnswer.status(OK));
        timing.waitUntil(call.acceptedAt().plus(duplicateWindow));
        // a broker may forget a call id a little after its window
        Submission replayed = timing.eventually().ignoreException(ReplayTooSoonException.class)
                .until(() -> gateway.replay(queue, call.callId()), Optional::isPresent).orElseThrow();

        assertThat(replayed.callId()).isEqualTo(call.callId());
        timing.eventually().until(() -> callbacks.receivedFor(call.callId()).size() == 2);
        Callback second = callbacks.receivedFor(call.callId()).get(1);
        assertThat(second.headers().first("X-Function-Status")).contains("200");
        assertThat(second.headers().first("X-Retry")).contains("1");
        assertThat(second.headers().first("X-Start-Time")).contains(Long.toString(EpochNanos.of(replayed.acceptedAt())));
        assertThat(deadLetterOf(broker, call.callId())).isEmpty();
        assertThat(gateway.replay(queue, call.callId())).as("no longer a dead letter").isEmpty();
        timing.eventually().until(() -> ledgerStateOf(call.callId()) == CallState.SUCCEEDED);
    }

    // --- concurrency ---

    @Test
    void a_worker_never_runs_more_calls_at_once_than_its_max_inflight() {
        int maxInflight = 3;
        int count = 10;
        RecordingQueue broker = broker();
        functions.answer(FUNCTION, ScriptedAnswer.status(OK).heldOpen());
        List<CallId> calls = IntStream.range(0, count).mapToObj(i -> submit(broker, FUNCTION).callId()).toList();
        startWorker(broker, maxInflight);

        for (int started = 0; started < count; started += maxInflight) {
            int running = Math.min(maxInflight, count - started);
            timing.eventually().until(() -> functions.openCalls() == running);
            timing.eventually().during(quietPeriod()).until(() -> functions.openCalls() == running);
            functions.releaseAll();
        }

        calls.forEach(call -> theCallback(broker, call));
        assertThat(functions.peakOpenCalls()).isEqualTo(maxInflight);
    }

    @Test
    void a_call_whose_callback_is_slow_gives_its_slot_to_the_next_call() {
        RecordingQueue broker = broker();
        functions.answer(FUNCTION, ScriptedAnswer.status(OK));
        callbacks.holdAnswers();
        CallId first = submit(broker, FUNCTION).callId();
        CallId second = submit(broker, FUNCTION).callId();
        startWorker(broker, 1);

        timing.eventually().until(() -> callbacks.heldAnswers() == 2);
        assertThat(functions.invokedCalls()).containsExactly(first, second);
        assertThat(broker.wasAcked(first)).isFalse();

        callbacks.answerHeld();
        assertThat(theCallback(broker, first).headers().first("X-Function-Status")).contains("200");
        assertThat(theCallback(broker, second).headers().first("X-Function-Status")).contains("200");
    }

    @Test
    void a_worker_holds_at_most_twice_its_max_inflight_calls_while_their_callbacks_wait() {
        int maxInflight = 2;
        RecordingQueue broker = broker();
        functions.answer(FUNCTION, ScriptedAnswer.status(OK));
        callbacks.holdAnswers();
        List<CallId> calls = IntStream.range(0, 6).mapToObj(i -> submit(broker, FUNCTION).callId()).toList();
        startWorker(broker, maxInflight);

        timing.eventually().until(() -> callbacks.heldAnswers() == 2 * maxInflight);
        timing.eventually().during(quietPeriod()).until(() -> functions.invokedCalls().size() == 2 * maxInflight);

        callbacks.answerHeld();
        calls.forEach(call -> theCallback(broker, call));
        assertThat(functions.invokedCalls()).hasSize(calls.size());
    }

    @Test
    void a_call_read_ahead_waits_under_a_kept_lease_and_starts_as_soon_as_a_slot_frees() {
        RecordingQueue broker = brokerWithLease(ackWait());
        functions.answer(FUNCTION, ScriptedAnswer.status(OK).heldOpen());
        CallId first = submit(broker, FUNCTION).callId();
        CallId second = submit(broker, FUNCTION).callId();
        InvocationWorker worker = startWorker(broker, 1, true, 1);

        // the clock moves only once the worker keeps both leases: moved between a fetch and the
        // keeping of its lease, it would let the lease run out under a worker that was merely slow
        timing.eventually().until(() -> worker.inFlight() == 2);
        assertThat(broker.deliveriesOf(second)).isEqualTo(1);
        Instant readAheadAt = now();
        while (!now().isAfter(readAheadAt.plus(ackWait().multipliedBy(3)))) {
            int extensions = broker.leaseExtensions();
            untilWhileTimePasses(extendEvery(), () -> broker.leaseExtensions() > extensions);
        }
        assertThat(functions.invokedCalls()).containsExactly(first);

        functions.release(first);
        timing.eventually().until(() -> functions.invokedCalls().size() == 2 && functions.openCalls() == 1);
        functions.releaseAll();
        theCallback(broker, first);
        theCallback(broker, second);
        assertThat(broker.deliveriesOf(second)).as("deliveries of the call read ahead").isEqualTo(1);
        assertThat(functions.peakOpenCalls()).isEqualTo(1);
    }

    // --- setting up ---

    /** A broker whose leases no test outlasts. */
    private RecordingQueue broker() {
        return brokerWithLease(OUTLASTS_ANY_TEST);
    }

    private RecordingQueue brokerWithLease(Duration ackWait) {
        return brokerWith(new QueueSettings(ackWait, ROOMY_INFLIGHT, OUTLASTS_ANY_TEST));
    }

    private RecordingQueue brokerWithDuplicateWindow(Duration duplicateWindow) {
        return brokerWith(new QueueSettings(OUTLASTS_ANY_TEST, ROOMY_INFLIGHT, duplicateWindow));
    }

    private RecordingQueue brokerWith(QueueSettings settings) {
        InvocationQueue broker = newQueue(settings);
        brokers.add(broker);
        return new RecordingQueue(broker, settings);
    }

    /** A worker holding leases as long as the broker grants them. */
    private InvocationWorker startWorker(RecordingQueue broker, int maxInflight) {
        return startWorker(broker, maxInflight, true);
    }

    private InvocationWorker startWorker(RecordingQueue broker, int maxInflight, boolean keepsDeadLetters) {
        return startWorker(broker, maxInflight, keepsDeadLetters, 0);
    }

    private InvocationWorker startWorker(RecordingQueue broker, int maxInflight, boolean keepsDeadLetters, int readAhead) {
        WorkerSettings settings = new WorkerSettings(queue, maxInflight, FETCH_WAIT, UPSTREAM_TIMEOUT,
                new RetryPolicy(maxRetryAttempts(), initialRetryWait(), maxRetryWait(),
                        RetryPolicy.DEFAULT_RETRY_CODES, Backoff.EXPONENTIAL),
                new LeaseRule(broker.settings().ackWait()), CALLBACK_POLICY, keepsDeadLetters, readAhead);
        CallRunner runner = new CallRunner(settings, directory(), functions,
                new LeaseExtender(scheduler(), settings.lease()),
                new CallbackDispatcher(callbacks, settings.callbackPolicy(), scheduler(), events),
                new CallHistory(ledger()), deadLetters(), events, scheduler());
        InvocationWorker worker = new InvocationWorker(settings, broker, runner);
        workers.add(worker);
        worker.start();
        return worker;
    }

    /** Scripts the function, submits one call to it and starts a worker with a single slot to run it. */
    private Submission runOneCall(RecordingQueue broker, FunctionName function, ScriptedAnswer... answers) {
        functions.answer(function, answers);
        Submission call = submit(broker, function);
        startWorker(broker, 1);
        return call;
    }

    /**
     * Runs one call to its end, whose ack the broker never gets, as if its worker had died first, and
     * waits for the worker to settle its second delivery, once the lease ran out.
     */
    private Submission runEndingWithALostAck(RecordingQueue broker, Optional<URI> callback, ScriptedAnswer... answers) {
        functions.answer(FUNCTION, answers);
        Submission call = submit(broker, FUNCTION, Optional.empty(), callback);
        broker.loseFirstAckOf(call.callId());
        startWorker(broker, 1);
        untilWhileTimePasses(extendEvery(), () -> broker.wasAcked(call.callId()));
        assertThat(broker.deliveriesOf(call.callId())).isEqualTo(2);
        return call;
    }

    private Submission submit(InvocationQueue broker, FunctionName function) {
        return submit(broker, function, Optional.empty());
    }

    private Submission submit(InvocationQueue broker, FunctionName function, Optional<DeferredStart> start) {
        return submit(broker, function, start, Optional.of(CALLBACK_URL));
    }

    private Submission submit(InvocationQueue broker, FunctionName function, Optional<DeferredStart> start,
                              Optional<URI> callback) {
        SubmitInvocationService submissions = new SubmitInvocationService(
                directory(), broker, queue, scheduler(), InvocationEvents.NONE, new DrainSwitch(), ledger(),
                DestinationPolicy.ANYWHERE);
        return submissions.submit(new SubmitInvocationCommand(function, "POST", "", "", Headers.EMPTY,
                "payload".getBytes(StandardCharsets.UTF_8), Optional.empty(), callback, start));
    }

    /** The ledger of the gateway and the workers; a cancel comes from another process's. */
    private CallLedger ledger() {
        if (workerLedger == null) {
            workerLedger = newLedger();
        }
        return workerLedger;
    }

    private DeadLetters deadLetters() {
        if (deadLetters == null) {
            deadLetters = newDeadLetters();
        }
        return deadLetters;
    }

    /** The dead letters as a gateway in another process sees and replays them. */
    private DeadLetterService deadLetterService(RecordingQueue broker) {
        return new DeadLetterService(newDeadLetters(), broker, scheduler(), InvocationEvents.NONE, newLedger());
    }

    private Optional<DeadLetter> deadLetterOf(RecordingQueue broker, CallId call) {
        return deadLetterService(broker).deadLetters(queue, 100).stream()
                .filter(letter -> letter.invocation().callId().equals(call)).findFirst();
    }

    /** The calls as a gateway in another process sees them, through a ledger of its own. */
    private CallStatusService gateway() {
        if (gateway == null) {
            gateway = new CallStatusService(newLedger(), scheduler());
        }
        return gateway;
    }

    /** Cancels the call from another process, as a gateway would; answers the call's record after the cancel. */
    private CallRecord cancel(CallId call) {
        return gateway().cancel(call).orElseThrow();
    }

    private CallRecord ledgerRecordOf(CallId call) {
        return gateway().status(call).orElseThrow();
    }

    private CallState ledgerStateOf(CallId call) {
        return gateway().status(call).map(CallRecord::state).orElse(null);
    }

    private FunctionDirectory directory() {
        return new FunctionDirectory(registry, Optional.empty());
    }

    private static FunctionDefinition definition(FunctionName name, Map<String, String> annotations) {
        return new FunctionDefinition(name, URI.create("http://functions.invalid/" + name), annotations);
    }

    // --- observing ---

    /**
     * Waits until {@code condition} holds while the worker's own timers fall due: a manual clock is
     * moved by {@code step} at each look; real time passes on its own.
     */
    private void untilWhileTimePasses(Duration step, Callable<Boolean> condition) {
        timing.eventually().until(() -> {
            if (condition.call()) {
                return true;
            }
            letTimePass(step);
            return false;
        });
    }

    private Duration extendEvery() {
        return new LeaseRule(ackWait()).extendEvery();
    }

    /**
     * Lets the broker's clock pass each retry delay as soon as the worker has asked the broker for
     * it, until the call has been invoked {@code attempts} times.
     */
    /** How the call ended, once the worker has said so: it does, after the ack. */
    private RetryDecision.Outcome outcomeOf(CallId call) {
        return timing.eventually().until(() -> events.outcomeOf(call), Optional::isPresent).orElseThrow();
    }

    private void letRetriesFallDue(RecordingQueue broker, CallId call, int attempts) {
        for (int attempt = 1; attempt < attempts; attempt++) {
            int settled = attempt;
            Settlement settlement = timing.eventually()
                    .until(() -> broker.settlementsOf(call), settlements -> settlements.size() >= settled)
                    .get(settled - 1);
            assertThat(settlement.outcome()).as("what followed attempt %d", settled)
                    .isEqualTo(Settlement.Outcome.RETRY);
            letTimePass(settlement.delay());
            timing.eventually().until(() -> functions.invocationTimesOf(call).size() > settled);
        }
    }

    private void assertDeadLetter(RecordingQueue broker, CallId call, int attempts, int status) {
        assertThat(deadLetterOf(broker, call)).hasValueSatisfying(letter -> {
            assertThat(letter.attempts()).as("attempts").isEqualTo(attempts);
            assertThat(letter.lastStatus()).as("last status").isEqualTo(status);
            assertThat(letter.invocation().callbackUrl()).contains(CALLBACK_URL);
        });
    }

    private void assertLedgerShows(CallId call, CallState state, int attempts, int status) {
        CallRecord record = ledgerRecordOf(call);
        assertThat(record.state()).as("state").isEqualTo(state);
        assertThat(record.attempts()).as("attempts").isEqualTo(attempts);
        assertThat(record.lastStatus()).as("last status").hasValue(status);
    }

    /** The call's one callback, once the worker has acked its delivery. */
    private Callback theCallback(RecordingQueue broker, CallId call) {
        timing.eventually().until(() -> broker.wasAcked(call));
        assertThat(callbacks.receivedFor(call)).as("callbacks of call %s", call).hasSize(1);
        return callbacks.receivedFor(call).get(0);
    }

    private void assertWaitsBetweenAttempts(CallId call, Duration... expected) {
        List<Instant> invokedAt = functions.invocationTimesOf(call);
        assertThat(invokedAt).hasSize(expected.length + 1);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Duration.between(invokedAt.get(i), invokedAt.get(i + 1)))
                    .as("wait before attempt %d", i + 2)
                    .isBetween(expected[i], expected[i].plus(schedulingSlack()));
        }
    }

    /** The initial wait, doubling up to the maximum: the wait before each attempt after the first. */
    private Duration[] exponentialSchedule() {
        Duration[] waits = new Duration[maxRetryAttempts() - 1];
        Duration wait = initialRetryWait();
        for (int i = 0; i < waits.length; i++) {
            waits[i] = wait.compareTo(maxRetryWait()) < 0 ? wait : maxRetryWait();
            wait = wait.multipliedBy(2);
        }
        return waits;
    }
}
