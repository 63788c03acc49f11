package io.invoq.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CallChangeTest {

    private static final Instant ACCEPTED = Instant.parse("2030-01-01T00:00:00.123456789Z");
    private static final Invocation CALL = invocation(ACCEPTED);

    @Test
    void an_accepted_call_is_queued_with_no_attempt_and_no_status() {
        CallRecord queued = apply(CallChange.accepted(CALL), Optional.empty()).orElseThrow();

        assertThat(queued).isEqualTo(new CallRecord(CALL.callId(), CALL.function(), CALL.queue(), CallState.QUEUED, 0,
                OptionalInt.empty(), ACCEPTED, ACCEPTED));
    }

    @Test
    void each_step_of_a_call_moves_its_record_on_and_keeps_the_last_status_while_the_next_attempt_runs() {
        CallRecord record = CallRecord.queued(CALL);
        record = apply(CallChange.attemptStarted(CALL, 1, at(1)), Optional.of(record)).orElseThrow();
        assertThat(record.state()).isEqualTo(CallState.RUNNING);
        record = apply(CallChange.retryScheduled(CALL, 1, 503, at(2)), Optional.of(record)).orElseThrow();
        assertThat(record.state()).isEqualTo(CallState.RETRYING);
        record = apply(CallChange.attemptStarted(CALL, 2, at(3)), Optional.of(record)).orElseThrow();

        assertThat(record).isEqualTo(new CallRecord(CALL.callId(), CALL.function(), CALL.queue(), CallState.RUNNING, 2,
                OptionalInt.of(503), ACCEPTED, at(3)));
        record = apply(CallChange.ended(CALL, RetryDecision.Outcome.EXHAUSTED, 2, 503, at(4)), Optional.of(record))
                .orElseThrow();
        assertThat(record.state()).isEqualTo(CallState.DEAD_LETTERED);
    }

    @Test
    void a_step_arriving_after_a_later_one_leaves_the_record_as_it_is() {
        CallRecord retrying = CallRecord.queued(CALL).moved(CallState.RETRYING, 2, OptionalInt.of(503), at(5));

        assertThat(apply(CallChange.accepted(CALL), Optional.of(retrying))).isEmpty();
        assertThat(apply(CallChange.attemptStarted(CALL, 2, at(4)), Optional.of(retrying))).isEmpty();
        assertThat(apply(CallChange.retryScheduled(CALL, 2, 500, at(6)), Optional.of(retrying))).isEmpty();
    }

    @Test
    void a_call_that_ended_is_never_changed_again_not_even_cancelled() {
        CallRecord succeeded = CallRecord.queued(CALL).moved(CallState.SUCCEEDED, 1, OptionalInt.of(200), at(1));

        assertThat(apply(CallChange.attemptStarted(CALL, 2, at(2)), Optional.of(succeeded))).isEmpty();
        assertThat(apply(CallChange.ended(CALL, RetryDecision.Outcome.FAILED, 2, 400, at(2)), Optional.of(succeeded)))
                .isEmpty();
        assertThat(apply(CallChange.cancelled(at(2)), Optional.of(succeeded))).isEmpty();
    }

    @Test
    void a_cancelled_call_is_never_run_again_nor_ended_by_its_worker() {
        CallRecord running = CallRecord.queued(CALL).moved(CallState.RUNNING, 1, OptionalInt.empty(), at(1));
        CallRecord cancelled = apply(CallChange.cancelled(at(2)), Optional.of(running)).orElseThrow();

        assertThat(cancelled.state()).isEqualTo(CallState.CANCELLED);
        assertThat(cancelled.cancels(CALL)).isTrue();
        assertThat(running.cancels(CALL)).isFalse();
        assertThat(cancelled.attempts()).isEqualTo(1);
        assertThat(cancelled.updatedAt()).isEqualTo(at(2));
        assertThat(apply(CallChange.attemptStarted(CALL, 2, at(3)), Optional.of(cancelled))).isEmpty();
        assertThat(apply(CallChange.ended(CALL, RetryDecision.Outcome.SUCCEEDED, 1, 200, at(3)), Optional.of(cancelled)))
                .isEmpty();
    }

    @Test
    void an_unknown_call_cannot_be_cancelled() {
        assertThat(apply(CallChange.cancelled(at(1)), Optional.empty())).isEmpty();
    }

    @Test
    void a_later_call_made_under_the_same_id_replaces_the_record_of_the_earlier_one() {
        CallRecord earlierCancelled = CallRecord.queued(invocation(ACCEPTED.minus(Duration.ofHours(1))))
                .moved(CallState.CANCELLED, 0, OptionalInt.empty(), ACCEPTED.minusSeconds(60));

        assertThat(earlierCancelled.cancels(CALL)).as("a cancel of the earlier call").isFalse();
        assertThat(apply(CallChange.accepted(CALL), Optional.of(earlierCancelled))).contains(CallRecord.queued(CALL));
        assertThat(apply(CallChange.attemptStarted(CALL, 1, at(1)), Optional.of(earlierCancelled)))
                .hasValueSatisfying(record -> assertThat(record.state()).isEqualTo(CallState.RUNNING));
    }

    @Test
    void a_step_of_an_earlier_call_made_under_the_same_id_leaves_the_later_calls_record_alone() {
        Invocation earlier = invocation(ACCEPTED.minus(Duration.ofHours(1)));

        assertThat(apply(CallChange.ended(earlier, RetryDecision.Outcome.SUCCEEDED, 1, 200, at(1)),
                Optional.of(CallRecord.queued(CALL)))).isEmpty();
    }

    @Test
    void a_call_of_another_function_under_the_same_id_never_replaces_the_record_nor_moves_it_on() {
        Invocation other = new Invocation(CALL.callId(), new FunctionName("other"), CALL.queue(), "POST", "", "",
                Headers.EMPTY, new byte[0], Optional.empty(), ACCEPTED.plusSeconds(10), ACCEPTED.plusSeconds(10));
        CallRecord succeeded = CallRecord.queued(CALL).moved(CallState.SUCCEEDED, 1, OptionalInt.of(200), at(1));

        assertThat(apply(CallChange.accepted(other), Optional.of(succeeded))).isEmpty();
        assertThat(apply(CallChange.ended(other, RetryDecision.Outcome.SUCCEEDED, 1, 200, at(20)),
                Optional.of(succeeded))).isEmpty();
    }

    @Test
    void a_step_of_a_call_the_ledger_lost_starts_its_record_again() {
        assertThat(apply(CallChange.retryScheduled(CALL, 3, 429, at(1)), Optional.empty())).contains(new CallRecord(
                CALL.callId(), CALL.function(), CALL.queue(), CallState.RETRYING, 3, OptionalInt.of(429), ACCEPTED, at(1)));
    }

    @Test
    void only_the_acceptance_is_a_calls_first_step() {
        assertThat(CallChange.accepted(CALL).isFirstStep()).isTrue();
        assertThat(CallChange.attemptStarted(CALL, 1, at(1)).isFirstStep()).isFalse();
        assertThat(CallChange.retryScheduled(CALL, 1, 503, at(1)).isFirstStep()).isFalse();
        assertThat(CallChange.ended(CALL, RetryDecision.Outcome.SUCCEEDED, 1, 200, at(1)).isFirstStep()).isFalse();
        assertThat(CallChange.cancelled(at(1)).isFirstStep()).isFalse();
    }

    private static Optional<CallRecord> apply(CallChange change, Optional<CallRecord> held) {
        return change.applyTo(held);
    }

    @Test
    void a_callback_given_up_on_is_noted_on_the_ended_record_of_the_same_call_only() {
        CallbackFailure failure = new CallbackFailure(at(9), "callback unreachable");
        Optional<CallRecord> ended = apply(CallChange.ended(CALL, RetryDecision.Outcome.SUCCEEDED, 1, 200, at(5)),
                Optional.empty());

        Optional<CallRecord> noted = apply(CallChange.callbackGivenUp(CALL, failure), ended);

        assertThat(noted).hasValueSatisfying(record -> {
            assertThat(record.state()).isEqualTo(CallState.SUCCEEDED);
            assertThat(record.callbackFailure()).contains(failure);
        });
        assertThat(apply(CallChange.callbackGivenUp(invocation(ACCEPTED.plusSeconds(1)), failure), ended)).isEmpty();
        assertThat(apply(CallChange.callbackGivenUp(CALL, failure), Optional.empty())).isEmpty();
        assertThat(CallChange.callbackGivenUp(CALL, failure).isFirstStep()).isFalse();
    }

    private static Instant at(int seconds) {
        return ACCEPTED.plusSeconds(seconds);
    }

    private static Invocation invocation(Instant acceptedAt) {
        return new Invocation(new CallId("call-1"), new FunctionName("echo"), QueueName.DEFAULT, "POST", "", "",
                Headers.EMPTY, new byte[0], Optional.of(URI.create("http://cb.invalid/")), acceptedAt, acceptedAt);
    }
}
