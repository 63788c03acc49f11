package io.invoq.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallLifecycleTest {

    private static final Instant ACCEPTED = Instant.parse("2030-01-02T03:04:05Z");
    private static final Instant NOW = ACCEPTED.plusSeconds(30);
    private static final Invocation CALL = new Invocation(new CallId("call-1"), new FunctionName("echo"),
            QueueName.DEFAULT, "POST", "", "", Headers.EMPTY, new byte[0], Optional.of(URI.create("http://cb.invalid/")),
            ACCEPTED, ACCEPTED);
    private static final FunctionDefinition ECHO = new FunctionDefinition(new FunctionName("echo"),
            URI.create("http://echo.invalid/"), Map.of());
    private static final RetryPolicy DEFAULTS = RetryPolicy.DEFAULT;

    private final CallLifecycle lifecycle = new CallLifecycle(DEFAULTS, Duration.ofMinutes(1));

    // --- delivery ---

    @Test
    void a_call_delivered_for_a_known_function_starts_under_the_workers_policy_and_timeout() {
        assertThat(lifecycle.onDelivery(CALL, Optional.of(ECHO)))
                .isEqualTo(new CallStep.Start(ECHO, DEFAULTS, Duration.ofMinutes(1)));
    }

    @Test
    void a_functions_annotations_override_the_policy_and_the_timeout_it_starts_under() {
        FunctionDefinition annotated = new FunctionDefinition(ECHO.name(), ECHO.url(), Map.of(
                "com.invoq.timeout", "5m", "com.openfaas.retry.attempts", "3"));

        CallStep step = lifecycle.onDelivery(CALL, Optional.of(annotated));

        assertThat(step).isEqualTo(new CallStep.Start(annotated,
                new RetryPolicy(3, DEFAULTS.initialWait(), DEFAULTS.maxWait(), DEFAULTS.retryCodes(), DEFAULTS.backoff()),
                Duration.ofMinutes(5)));
    }

    @Test
    void a_call_whose_function_is_gone_ends_failed_with_a_404_without_retry() {
        CallStep step = lifecycle.onDelivery(CALL, Optional.empty());

        assertThat(step).isInstanceOfSatisfying(CallStep.Finish.class, finish -> {
            assertThat(finish.outcome()).isEqualTo(RetryDecision.Outcome.FAILED);
            assertThat(finish.result().status()).isEqualTo(404);
            assertThat(new String(finish.result().body(), StandardCharsets.UTF_8)).contains("'echo' is not registered");
            assertThat(finish.reason()).isEmpty();
            assertThat(finish.change(CALL, 1, NOW).applyTo(Optional.empty())).hasValueSatisfying(record ->
                    assertThat(record.state()).isEqualTo(CallState.FAILED));
        });
    }

    // --- what the ledger held ---

    @Test
    void the_ledger_knowing_nothing_or_a_call_still_under_way_lets_the_attempt_go_on() {
        assertThat(CallLifecycle.onLedgerAnswer(CALL, Optional.empty())).isEmpty();
        for (CallState state : new CallState[] {CallState.QUEUED, CallState.RUNNING, CallState.RETRYING}) {
            assertThat(CallLifecycle.onLedgerAnswer(CALL, Optional.of(record(state, ACCEPTED)))).as("%s", state).isEmpty();
        }
    }

    @Test
    void a_cancelled_call_is_abandoned_as_cancelled() {
        assertThat(CallLifecycle.onLedgerAnswer(CALL, Optional.of(record(CallState.CANCELLED, ACCEPTED))))
                .contains(new CallStep.Abandon(CallStep.Abandon.Why.CANCELLED));
    }

    @Test
    void a_call_without_a_callback_redelivered_after_it_ended_is_abandoned_without_a_second_invocation() {
        Invocation withoutCallback = new Invocation(CALL.callId(), CALL.function(), CALL.queue(), "POST", "", "",
                Headers.EMPTY, new byte[0], Optional.empty(), ACCEPTED, ACCEPTED);
        for (CallState ended : new CallState[] {CallState.SUCCEEDED, CallState.FAILED, CallState.DEAD_LETTERED}) {
            assertThat(CallLifecycle.onLedgerAnswer(withoutCallback, Optional.of(record(ended, ACCEPTED)))).as("%s", ended)
                    .contains(new CallStep.Abandon(CallStep.Abandon.Why.ALREADY_ENDED));
        }
    }

    @Test
    void a_call_with_a_callback_redelivered_after_it_ended_is_run_again_since_its_callback_may_not_have_been_sent() {
        for (CallState ended : new CallState[] {CallState.SUCCEEDED, CallState.FAILED, CallState.DEAD_LETTERED}) {
            assertThat(CallLifecycle.onLedgerAnswer(CALL, Optional.of(record(ended, ACCEPTED)))).as("%s", ended).isEmpty();
        }
    }

    @Test
    void the_end_of_an_earlier_call_made_under_the_same_id_does_not_stop_this_one() {
        for (CallState state : new CallState[] {CallState.SUCCEEDED, CallState.CANCELLED}) {
            assertThat(CallLifecycle.onLedgerAnswer(CALL, Optional.of(record(state, ACCEPTED.minusSeconds(600)))))
                    .as("%s", state).isEmpty();
        }
    }

    // --- after an attempt ---

    @Test
    void a_success_finishes_the_call_as_succeeded() {
        CallStep step = CallLifecycle.afterAttempt(1, DEFAULTS, result(200), NOW, () -> 0);

        assertThat(step).isEqualTo(new CallStep.Finish(RetryDecision.Outcome.SUCCEEDED, result(200), 10, Optional.empty()));
        assertThat(((CallStep.Finish) step).succeeded()).isTrue();
    }

    @Test
    void a_status_that_is_not_retried_finishes_the_call_as_failed() {
        assertThat(CallLifecycle.afterAttempt(1, DEFAULTS, result(418), NOW, () -> 0))
                .isEqualTo(new CallStep.Finish(RetryDecision.Outcome.FAILED, result(418), 10, Optional.empty()));
    }

    @Test
    void a_retried_status_retries_after_the_back_off_and_records_retrying() {
        CallStep step = CallLifecycle.afterAttempt(2, DEFAULTS, result(503), NOW, () -> 0);

        assertThat(step).isEqualTo(new CallStep.Retry(Duration.ofSeconds(20), 503));
        assertThat(((CallStep.Retry) step).change(CALL, 2, NOW).applyTo(Optional.empty())).hasValueSatisfying(record -> {
            assertThat(record.state()).isEqualTo(CallState.RETRYING);
            assertThat(record.lastStatus()).hasValue(503);
        });
    }

    @Test
    void a_retry_after_the_function_asked_for_sets_the_wait() {
        InvocationResult throttled = new InvocationResult(429, Headers.of("Retry-After", "90"), new byte[0], Duration.ZERO);

        assertThat(CallLifecycle.afterAttempt(1, DEFAULTS, throttled, NOW, () -> 0))
                .isEqualTo(new CallStep.Retry(Duration.ofSeconds(90), 429));
    }

    @Test
    void the_last_attempt_of_a_retried_status_finishes_the_call_as_exhausted_under_its_own_policy() {
        RetryPolicy three = new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Set.of(503), Backoff.EXPONENTIAL);

        CallStep step = CallLifecycle.afterAttempt(3, three, result(503), NOW, () -> 0);

        assertThat(step).isEqualTo(new CallStep.Finish(RetryDecision.Outcome.EXHAUSTED, result(503), 3, Optional.empty()));
        assertThat(((CallStep.Finish) step).change(CALL, 3, NOW).applyTo(Optional.empty())).hasValueSatisfying(record ->
                assertThat(record.state()).isEqualTo(CallState.DEAD_LETTERED));
    }

    // --- a failure inside the worker ---

    @Test
    void a_failure_in_the_worker_retries_after_the_back_off_recording_a_500() {
        assertThat(lifecycle.afterWorkerFailure(1, "boom", () -> 0)).isEqualTo(new CallStep.Retry(Duration.ofSeconds(10), 500));
        assertThat(lifecycle.afterWorkerFailure(4, "boom", () -> 0)).isEqualTo(new CallStep.Retry(Duration.ofSeconds(80), 500));
    }

    @Test
    void a_failure_in_the_worker_on_the_last_attempt_ends_the_call_as_a_dead_letter_saying_why() {
        CallStep step = lifecycle.afterWorkerFailure(10, "java.lang.ArithmeticException: overflow", () -> 0);

        assertThat(step).isInstanceOfSatisfying(CallStep.Finish.class, finish -> {
            assertThat(finish.outcome()).isEqualTo(RetryDecision.Outcome.EXHAUSTED);
            assertThat(finish.result().status()).isEqualTo(500);
            assertThat(finish.result().origin()).isEqualTo(InvocationResult.Origin.WORKER);
            assertThat(finish.reason()).contains("failed in the worker: java.lang.ArithmeticException: overflow");
            assertThat(finish.change(CALL, 10, NOW).applyTo(Optional.empty())).hasValueSatisfying(record -> {
                assertThat(record.state()).isEqualTo(CallState.DEAD_LETTERED);
                assertThat(record.reason()).isEqualTo(finish.reason());
                assertThat(record.lastStatus()).hasValue(500);
            });
        });
    }

    private static InvocationResult result(int status) {
        return new InvocationResult(status, Headers.EMPTY, new byte[0], Duration.ofMillis(3));
    }

    private static CallRecord record(CallState state, Instant acceptedAt) {
        return new CallRecord(CALL.callId(), CALL.function(), CALL.queue(), state, 1, OptionalInt.empty(), acceptedAt, NOW);
    }
}
