package io.invoq.ports.contract;

import static io.invoq.ports.contract.SampleInvocations.uniqueQueueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoq.application.AdaptiveConcurrency;
import io.invoq.application.CallHistory;
import io.invoq.application.CallRunner;
import io.invoq.application.CallbackDispatcher;
import io.invoq.application.FlowControlledQueue;
import io.invoq.application.FlowSettings;
import io.invoq.application.FunctionDirectory;
import io.invoq.application.InvocationWorker;
import io.invoq.application.LeaseExtender;
import io.invoq.application.WorkerSettings;
import io.invoq.domain.Backoff;
import io.invoq.domain.CallId;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.LeaseRule;
import io.invoq.domain.Pauses;
import io.invoq.domain.QueueName;
import io.invoq.domain.RetryPolicy;
import io.invoq.domain.ScalingMode;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.DeadLetters;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueControls;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.ScalingModeConflictException;
import io.invoq.ports.out.Scheduler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Function mode and per-function flow control (design.md §3) on a real broker: real
 * {@link InvocationWorker}s behind {@link FlowControlledQueue}, scripted functions, and the broker's
 * {@link QueueControls}. Every worker of a test is a process of its own: it has a broker of its own
 * from {@link #newQueue}, connected to the same store.
 *
 * <p>An adapter runs it by subclassing it and supplying the broker ({@link #newQueue}), its
 * controls ({@link #controlsOf}), a ledger and dead letters shared by the test, and the broker's
 * clock ({@link #letTimePass}, {@link #now}, {@link #scheduler}).
 */
public abstract class FlowControlContract {

    private static final Duration FETCH_WAIT = Duration.ofMillis(100);
    private static final RetryPolicy CALLBACK_POLICY = new RetryPolicy(
            3, Duration.ofMillis(20), Duration.ofMillis(40), RetryPolicy.DEFAULT_RETRY_CODES, Backoff.EXPONENTIAL);
    private static final int OK = 200;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final URI CALLBACK_URL = URI.create("https://callback.invalid/hook");
    private static final FunctionName FLOOD = new FunctionName("flood");
    private static final FunctionName TRICKLE = new FunctionName("trickle");
    private static final FunctionName BOUNDED = new FunctionName("bounded");
    /** How much later than the worker started it a function may see a call, on a loaded machine. */
    private static final Duration STARTS_SEEN_LATE = Duration.ofSeconds(1);
    /** A worker reads the pauses at most this long after they changed. */
    private static final long PAUSES_TAKE_EFFECT_MILLIS = 250;

    private final QueueName queue = uniqueQueueName();
    private final ContractTiming timing = new ContractTiming(this::now, this::letTimePass, this::patience);
    private final FunctionTable registry = new FunctionTable();
    private final ScriptedFunctions functions = new ScriptedFunctions(this::now);
    private final RecordingCallbacks callbacks = new RecordingCallbacks(this::now);
    private final List<InvocationQueue> brokers = new ArrayList<>();
    private final List<InvocationWorker> workers = new ArrayList<>();

    /** A broker with these settings, as one more process would have; the suite closes it after the test. */
    protected abstract InvocationQueue newQueue(QueueSettings settings);

    /** The pauses and start budgets kept by that broker, shared with every other broker of the test. */
    protected abstract QueueControls controlsOf(InvocationQueue broker);

    protected abstract CallLedger newLedger();

    protected abstract DeadLetters newDeadLetters();

    /** Lets at least {@code duration} pass as the broker sees it: moves a manual clock, does nothing in real time. */
    protected abstract void letTimePass(Duration duration);

    protected abstract Instant now();

    /** The broker's clock as the worker reads it and times its leases and callback retries by. */
    protected abstract Scheduler scheduler();

    /** How long (real time) the suite watches when it checks that nothing happens. */
    protected Duration quietPeriod() {
        return Duration.ofMillis(300);
    }

    /** The longest the suite waits for anything before it fails. */
    protected Duration patience() {
        return Duration.ofSeconds(30);
    }

    /** How many calls make a flood: thousands where the broker can take them quickly. */
    protected int floodSize() {
        return 2000;
    }

    @AfterEach
    void stopWorkersAndBrokers() {
        workers.forEach(InvocationWorker::close);
        brokers.forEach(InvocationQueue::close);
    }

    // --- function mode ---

    @Test
    void a_flood_for_one_function_does_not_hold_back_another_functions_calls() {
        InvocationQueue broker = broker();
        register(FLOOD, Map.of());
        register(TRICKLE, Map.of());
        functions.answer(FLOOD, ScriptedAnswer.status(OK));
        functions.answer(TRICKLE, ScriptedAnswer.status(OK));
        IntStream.range(0, floodSize()).forEach(i -> broker.publish(SampleInvocations.to(queue, FLOOD)));
        CallId first = publish(broker, TRICKLE);

        startWorker(broker, FlowSettings.functionMode(), 4);

        timing.eventually().until(() -> functions.invokedCalls().contains(first));
        int startedBefore = functions.invokedCalls().indexOf(first);
        CallId second = publish(broker, TRICKLE);
        int invokedWhenPublished = functions.invokedCalls().size();
        timing.eventually().until(() -> functions.invokedCalls().contains(second));
        // in publish order the trickle would wait for the whole flood; here for a few calls of it at most
        assertThat(startedBefore).isLessThan(8);
        assertThat(functions.invokedCalls().indexOf(second) - invokedWhenPublished).isLessThan(8);
    }

    @Test
    void a_call_whose_callback_is_slow_gives_its_place_to_the_next_call_of_its_function() {
        int maxInflight = 2;
        InvocationQueue broker = broker();
        register(FLOOD, Map.of());
        functions.answer(FLOOD, ScriptedAnswer.status(OK));
        callbacks.holdAnswers();
        IntStream.range(0, 6).forEach(i -> broker.publish(SampleInvocations.withCallback(queue, FLOOD, CALLBACK_URL)));

        startWorker(broker, FlowSettings.functionMode(), maxInflight);

        // as in static mode: the slots count calls running their function, and a worker holds twice as many
        timing.eventually().until(() -> callbacks.heldAnswers() == 2 * maxInflight);
        timing.eventually().during(quietPeriod()).until(() -> functions.invokedCalls().size() == 2 * maxInflight);
        callbacks.answerHeld();
        timing.eventually().until(() -> functions.invokedCalls().size() == 6);
    }

    @Test
    void a_call_for_a_function_no_worker_has_seen_is_picked_up() {
        InvocationQueue broker = broker();
        register(TRICKLE, Map.of());
        functions.answer(TRICKLE, ScriptedAnswer.status(OK));
        startWorker(broker, FlowSettings.functionMode(), 2);

        CallId call = publish(broker, TRICKLE);

        timing.eventually().until(() -> functions.invokedCalls().contains(call));
    }

    @Test
    void workers_of_one_queue_must_share_its_scaling_mode() {
        InvocationQueue staticWorker = broker();
        InvocationQueue functionWorker = broker();
        staticWorker.useScalingMode(queue, ScalingMode.STATIC);

        assertThatThrownBy(() -> functionWorker.useScalingMode(queue, ScalingMode.FUNCTION))
                .isInstanceOf(ScalingModeConflictException.class)
                .hasMessageContaining("scaling_mode=static")
                .hasMessageContaining(queue.value());
        staticWorker.useScalingMode(queue, ScalingMode.STATIC);
    }

    @Test
    void the_scaling_mode_a_worker_recorded_is_reported_by_its_process_at_once_and_by_every_other_soon() {
        InvocationQueue worker = broker();
        QueueControls another = controlsOf(broker());
        assertThat(controlsOf(worker).scalingMode(queue)).isEmpty();
        assertThat(another.scalingMode(queue)).isEmpty();

        worker.useScalingMode(queue, ScalingMode.FUNCTION);

        assertThat(controlsOf(worker).scalingMode(queue)).contains(ScalingMode.FUNCTION);
        timing.eventually().until(() -> another.scalingMode(queue).equals(Optional.of(ScalingMode.FUNCTION)));
    }

    @Test
    void static_mode_still_takes_calls_in_publish_order() {
        InvocationQueue broker = broker();
        register(FLOOD, Map.of());
        register(TRICKLE, Map.of());
        functions.answer(FLOOD, ScriptedAnswer.status(OK));
        functions.answer(TRICKLE, ScriptedAnswer.status(OK));
        List<CallId> published = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> published.add(publish(broker, FLOOD)));
        published.add(publish(broker, TRICKLE));

        startWorker(broker, FlowSettings.STATIC, 1);

        timing.eventually().until(() -> functions.invokedCalls().size() == published.size());
        assertThat(functions.invokedCalls()).isEqualTo(published);
    }

    // --- concurrency ---

    @Test
    void a_functions_concurrency_bound_holds_across_workers() {
        register(BOUNDED, Map.of(FunctionDefinition.MAX_CONCURRENCY_ANNOTATION, "2"));
        functions.answer(BOUNDED, ScriptedAnswer.status(OK).heldOpen());
        InvocationQueue gateway = broker();
        List<CallId> calls = IntStream.range(0, 8).mapToObj(i -> publish(gateway, BOUNDED)).toList();
        startWorker(broker(), FlowSettings.functionMode(), 4);
        startWorker(broker(), FlowSettings.functionMode(), 4);

        int released = 0;
        while (released < calls.size()) {
            int expectedOpen = Math.min(2, calls.size() - released);
            timing.eventually().until(() -> functions.openCalls() == expectedOpen);
            functions.releaseAll();
            released += expectedOpen;
        }
        timing.eventually().until(() -> functions.invokedCalls().size() == calls.size());
        assertThat(functions.peakOpenCalls()).isEqualTo(2);
    }

    // --- rates ---

    @Test
    void a_functions_rate_holds_across_workers_its_calls_waiting_in_the_broker() {
        register(TRICKLE, Map.of(FunctionDefinition.RATE_ANNOTATION, "5/s"));
        functions.answer(TRICKLE, ScriptedAnswer.status(OK));
        InvocationQueue gateway = broker();
        List<CallId> calls = IntStream.range(0, 15).mapToObj(i -> publish(gateway, TRICKLE)).toList();
        startWorker(broker(), FlowSettings.functionMode(), 8);
        startWorker(broker(), FlowSettings.functionMode(), 8);

        timing.eventually().until(() -> {
            letTimePass(Duration.ofMillis(50));
            return functions.invokedCalls().size() == calls.size();
        });

        // a burst of one second's worth (5), then 5 a second: the other 10 start over two seconds, and any
        // 11 in a row over at least 1.2 s. The function sees a start later than the budget allowed it, by
        // as much as a loaded machine delays the worker (and meanwhile the clock moves on), so the first
        // may be seen late: the bounds leave it a second, and still tell a limit from none (all in milliseconds)
        List<Instant> starts = calls.stream().map(call -> functions.invocationTimesOf(call).get(0)).sorted().toList();
        assertThat(Duration.between(starts.get(0), starts.get(starts.size() - 1)))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2).minus(STARTS_SEEN_LATE));
        for (int i = 0; i + 10 < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i), starts.get(i + 10)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1200).minus(STARTS_SEEN_LATE));
        }
    }

    // --- adaptive concurrency ---

    @Test
    void a_function_answering_429_gets_fewer_calls_at_once_and_more_again_on_success() {
        InvocationQueue broker = broker();
        register(FLOOD, Map.of());
        ScriptedAnswer throttled = ScriptedAnswer.status(TOO_MANY_REQUESTS);
        functions.answer(FLOOD, throttled, throttled, throttled, throttled, throttled, throttled, throttled, throttled,
                ScriptedAnswer.status(OK).heldOpen());
        IntStream.range(0, 8).forEach(i -> publish(broker, FLOOD));
        startWorker(broker, FlowSettings.functionMode(), 8);
        timing.eventually().until(() -> functions.invokedCalls().size() == 8);
        IntStream.range(0, 12).forEach(i -> publish(broker, FLOOD));

        // eight 429s at once halve the limit once: 4 at a time from now on, while their retries wait
        timing.eventually().until(() -> functions.openCalls() == 4);
        assertThat(functions.peakOpenCalls()).isEqualTo(4);

        functions.releaseAll();
        timing.eventually().until(() -> functions.openCalls() == 5);
        assertThat(functions.peakOpenCalls()).isEqualTo(5);
    }

    @Test
    void without_adaptive_concurrency_a_throttling_function_keeps_every_slot() {
        InvocationQueue broker = broker();
        register(FLOOD, Map.of());
        ScriptedAnswer throttled = ScriptedAnswer.status(TOO_MANY_REQUESTS);
        functions.answer(FLOOD, throttled, throttled, throttled, throttled, ScriptedAnswer.status(OK).heldOpen());
        IntStream.range(0, 4).forEach(i -> publish(broker, FLOOD));
        startWorker(broker, new FlowSettings(ScalingMode.FUNCTION, FlowSettings.UNBOUNDED, false), 4);
        timing.eventually().until(() -> functions.invokedCalls().size() == 4);
        IntStream.range(0, 4).forEach(i -> publish(broker, FLOOD));

        timing.eventually().until(() -> functions.openCalls() == 4);
    }

    // --- pauses ---

    @Test
    void a_paused_queue_starts_nothing_until_resumed_and_the_pause_is_kept_by_the_broker() throws Exception {
        InvocationQueue broker = broker();
        register(TRICKLE, Map.of());
        functions.answer(TRICKLE, ScriptedAnswer.status(OK));
        controlsOf(broker).setPaused(queue, Optional.empty(), true);
        assertThat(controlsOf(broker()).pauses(queue).queue()).isTrue();
        startWorker(broker, FlowSettings.functionMode(), 2);

        CallId call = publish(broker, TRICKLE);
        timing.eventually().during(quietPeriod().plusMillis(PAUSES_TAKE_EFFECT_MILLIS))
                .until(() -> functions.invokedCalls().isEmpty());

        controlsOf(broker()).setPaused(queue, Optional.empty(), false);
        timing.eventually().until(() -> functions.invokedCalls().contains(call));
    }

    @Test
    void a_paused_function_waits_while_the_others_run() throws Exception {
        InvocationQueue broker = broker();
        register(FLOOD, Map.of());
        register(TRICKLE, Map.of());
        functions.answer(FLOOD, ScriptedAnswer.status(OK));
        functions.answer(TRICKLE, ScriptedAnswer.status(OK));
        controlsOf(broker).setPaused(queue, Optional.of(FLOOD), true);
        startWorker(broker, FlowSettings.functionMode(), 2);

        CallId paused = publish(broker, FLOOD);
        CallId running = publish(broker, TRICKLE);
        timing.eventually().until(() -> functions.invokedCalls().contains(running));
        timing.eventually().during(quietPeriod()).until(() -> !functions.invokedCalls().contains(paused));
        assertThat(controlsOf(broker).pauses(queue).functions()).containsExactly(FLOOD);

        controlsOf(broker).setPaused(queue, Optional.of(FLOOD), false);
        timing.eventually().until(() -> functions.invokedCalls().contains(paused));
    }

    @Test
    void the_process_that_pauses_or_resumes_reads_the_change_at_once_and_every_other_soon() {
        QueueControls own = controlsOf(broker());
        QueueControls another = controlsOf(broker());
        assertThat(own.pauses(queue).queue()).isFalse();

        for (boolean paused : List.of(true, false, true, false, true)) {
            own.setPaused(queue, Optional.empty(), paused);
            assertThat(own.pauses(queue).queue()).isEqualTo(paused);
        }
        own.setPaused(queue, Optional.of(FLOOD), true);

        assertThat(own.pauses(queue)).isEqualTo(new Pauses(true, Set.of(FLOOD)));
        timing.eventually().until(() -> another.pauses(queue).equals(new Pauses(true, Set.of(FLOOD))));
    }

    // --- helpers ---

    private InvocationQueue broker() {
        InvocationQueue broker = newQueue(new QueueSettings(Duration.ofSeconds(5), 100, Duration.ofMinutes(2)));
        brokers.add(broker);
        return broker;
    }

    private void register(FunctionName name, Map<String, String> annotations) {
        registry.save(new FunctionDefinition(name, URI.create("http://functions.invalid/" + name), annotations));
    }

    private CallId publish(InvocationQueue broker, FunctionName function) {
        Invocation invocation = SampleInvocations.to(queue, function);
        broker.publish(invocation);
        return invocation.callId();
    }

    private InvocationWorker startWorker(InvocationQueue broker, FlowSettings flow, int maxInflight) {
        WorkerSettings settings = new WorkerSettings(queue, maxInflight, FETCH_WAIT, Duration.ofMinutes(1),
                new RetryPolicy(4, Duration.ofMillis(300), Duration.ofMillis(600), RetryPolicy.DEFAULT_RETRY_CODES,
                        Backoff.EXPONENTIAL),
                new LeaseRule(Duration.ofSeconds(5)), CALLBACK_POLICY, false, 0);
        FunctionDirectory directory = new FunctionDirectory(registry, Optional.empty());
        AdaptiveConcurrency adaptive = new AdaptiveConcurrency(queue, scheduler());
        FlowControlledQueue flowControlled = new FlowControlledQueue(broker, controlsOf(broker), directory, adaptive,
                queue, flow, maxInflight);
        flowControlled.start();
        CallRunner runner = new CallRunner(settings, directory, functions, new LeaseExtender(scheduler(), settings.lease()),
                new CallbackDispatcher(callbacks, settings.callbackPolicy(), scheduler(), adaptive),
                new CallHistory(newLedger()), newDeadLetters(), adaptive, scheduler());
        InvocationWorker worker = new InvocationWorker(settings, flowControlled, runner);
        workers.add(worker);
        worker.start();
        return worker;
    }
}
