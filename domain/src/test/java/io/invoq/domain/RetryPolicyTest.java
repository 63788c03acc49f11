package io.invoq.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.DEFAULT;

    @Test
    void a_2xx_answer_finishes_the_call_as_succeeded() {
        assertThat(policy.decide(1, 204, Optional.empty(), () -> 0))
                .isEqualTo(new RetryDecision.Finish(RetryDecision.Outcome.SUCCEEDED));
    }

    @Test
    void a_status_outside_the_retry_codes_finishes_the_call_as_failed() {
        assertThat(policy.decide(1, 418, Optional.empty(), () -> 0))
                .isEqualTo(new RetryDecision.Finish(RetryDecision.Outcome.FAILED));
    }

    @Test
    void a_retry_code_is_retried_after_the_back_off() {
        assertThat(policy.decide(2, 503, Optional.empty(), () -> 0))
                .isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(20)));
    }

    @Test
    void the_last_allowed_attempt_is_exhausted_instead_of_retried() {
        assertThat(policy.decide(10, 500, Optional.empty(), () -> 0))
                .isEqualTo(new RetryDecision.Finish(RetryDecision.Outcome.EXHAUSTED));
        assertThat(policy.decide(9, 500, Optional.empty(), () -> 0)).isInstanceOf(RetryDecision.RetryAfter.class);
    }

    @Test
    void retry_after_is_honoured_on_429_and_503_but_never_below_the_initial_wait_nor_above_the_max_wait() {
        assertThat(policy.decide(1, 429, Optional.of(Duration.ofSeconds(90)), () -> 0))
                .isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(90)));
        assertThat(policy.decide(1, 503, Optional.of(Duration.ofSeconds(1)), () -> 0))
                .isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(10)));
        assertThat(policy.decide(1, 500, Optional.of(Duration.ofSeconds(300)), () -> 0))
                .isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(10)));
        assertThat(policy.decide(1, 429, Optional.of(Duration.ofDays(3)), () -> 0))
                .isEqualTo(new RetryDecision.RetryAfter(RetryPolicy.DEFAULT_MAX_WAIT));
    }

    @Test
    void function_annotations_override_attempts_codes_and_waits() {
        RetryPolicy overridden = policy.withAnnotations(FunctionAnnotations.parse(Map.of(
                FunctionAnnotations.RETRY_ATTEMPTS.name(), "3",
                FunctionAnnotations.RETRY_CODES.name(), "500, 418",
                FunctionAnnotations.RETRY_MIN_WAIT.name(), "1s",
                FunctionAnnotations.RETRY_MAX_WAIT.name(), "1m")));
        assertThat(overridden).isEqualTo(new RetryPolicy(
                3, Duration.ofSeconds(1), Duration.ofMinutes(1), Set.of(500, 418), Backoff.EXPONENTIAL));
    }

    @Test
    void a_function_without_retry_annotations_keeps_the_policy() {
        assertThat(policy.withAnnotations(FunctionAnnotations.NONE)).isSameAs(policy);
    }

    @Test
    void a_wait_annotation_given_alone_moves_the_other_wait_where_they_would_cross() {
        assertThat(policy.withAnnotations(FunctionAnnotations.parse(Map.of(FunctionAnnotations.RETRY_MIN_WAIT.name(), "10m"))))
                .extracting(RetryPolicy::initialWait, RetryPolicy::maxWait)
                .containsExactly(Duration.ofMinutes(10), Duration.ofMinutes(10));
        assertThat(policy.withAnnotations(FunctionAnnotations.parse(Map.of(FunctionAnnotations.RETRY_MAX_WAIT.name(), "2s"))))
                .extracting(RetryPolicy::initialWait, RetryPolicy::maxWait)
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void retry_codes_must_be_http_statuses() {
        assertThat(RetryPolicy.parseCodes("408,429, 500")).containsExactly(408, 429, 500);
        assertThatThrownBy(() -> RetryPolicy.parseCodes("42")).hasMessageContaining("42");
        assertThatThrownBy(() -> RetryPolicy.parseCodes("5xx")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void a_policy_needs_at_least_one_attempt_and_ordered_waits() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Set.of(), Backoff.FULL))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), Set.of(), Backoff.FULL))
                .hasMessageContaining("initial wait <= max wait");
    }

    @Test
    void a_failure_in_the_worker_counts_as_an_attempt_backs_off_and_exhausts_the_call_at_the_last_attempt() {
        assertThat(policy.afterWorkerFailure(1, () -> 0)).isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(10)));
        assertThat(policy.afterWorkerFailure(3, () -> 0)).isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(40)));
        assertThat(policy.afterWorkerFailure(10, () -> 0))
                .isEqualTo(new RetryDecision.Finish(RetryDecision.Outcome.EXHAUSTED));
        assertThat(policy.afterWorkerFailure(57, () -> 0))
                .isEqualTo(new RetryDecision.Finish(RetryDecision.Outcome.EXHAUSTED));
    }
}
