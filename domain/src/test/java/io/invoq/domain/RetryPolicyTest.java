package io.invoq.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    void retry_after_is_honoured_on_429_and_503_but_never_below_the_initial_wait() {
        assertThat(policy.decide(1, 429, Optional.of(Duration.ofSeconds(300)), () -> 0))
                .isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(300)));
        assertThat(policy.decide(1, 503, Optional.of(Duration.ofSeconds(1)), () -> 0))
                .isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(10)));
        assertThat(policy.decide(1, 500, Optional.of(Duration.ofSeconds(300)), () -> 0))
                .isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(10)));
    }

    @Test
    void function_annotations_override_attempts_codes_and_waits() {
        RetryPolicy overridden = policy.withAnnotations(Map.of(
                RetryPolicy.ATTEMPTS_ANNOTATION, "3",
                RetryPolicy.CODES_ANNOTATION, "500, 418",
                RetryPolicy.MIN_WAIT_ANNOTATION, "1s",
                RetryPolicy.MAX_WAIT_ANNOTATION, "1m"), problem -> { });
        assertThat(overridden).isEqualTo(new RetryPolicy(
                3, Duration.ofSeconds(1), Duration.ofMinutes(1), Set.of(500, 418), Backoff.EXPONENTIAL));
    }

    @Test
    void an_invalid_annotation_keeps_the_default_and_is_reported() {
        List<String> problems = new ArrayList<>();
        RetryPolicy overridden = policy.withAnnotations(Map.of(
                RetryPolicy.ATTEMPTS_ANNOTATION, "many", RetryPolicy.MIN_WAIT_ANNOTATION, "2s"), problems::add);
        assertThat(overridden.maxAttempts()).isEqualTo(10);
        assertThat(overridden.initialWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(problems).singleElement().asString().contains(RetryPolicy.ATTEMPTS_ANNOTATION).contains("many");
    }

    @Test
    void annotations_that_contradict_each_other_are_ignored_together_and_reported() {
        List<String> problems = new ArrayList<>();
        RetryPolicy overridden = policy.withAnnotations(Map.of(RetryPolicy.MIN_WAIT_ANNOTATION, "10m"), problems::add);
        assertThat(overridden).isEqualTo(policy);
        assertThat(problems).hasSize(1);
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
}
