package io.invoq.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void a_call_id_is_1_to_128_characters_of_a_safe_alphabet() {
        assertThat(new CallId("order-42:retry_1.a").value()).isEqualTo("order-42:retry_1.a");
        assertThat(new CallId("x".repeat(128))).isNotNull();
        assertThatThrownBy(() -> new CallId("x".repeat(129))).hasMessageContaining("1-128");
        assertThatThrownBy(() -> new CallId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallId("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallId("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_chained_call_id_is_derived_from_the_callers_and_the_next_function_and_stays_within_128_characters() {
        FunctionName next = new FunctionName("b");
        assertThat(new CallId("order:42").chainedTo(next)).isEqualTo(new CallId("order:42:b"));
        assertThat(new CallId("order:42").chainedTo(next)).isEqualTo(new CallId("order:42").chainedTo(next));

        CallId longChain = new CallId("x".repeat(127)).chainedTo(next);
        assertThat(longChain.value()).startsWith("chain:").hasSize(6 + 64);
        assertThat(new CallId("x".repeat(127)).chainedTo(new FunctionName("c"))).isNotEqualTo(longChain);
    }

    @Test
    void the_broker_de_duplicates_a_call_id_within_its_function() {
        Invocation call = new Invocation(new CallId("id"), new FunctionName("a"), QueueName.DEFAULT, "POST", "", "",
                Headers.EMPTY, new byte[0], java.util.Optional.empty(), Instant.EPOCH, Instant.EPOCH);
        assertThat(call.deduplicationKey()).isEqualTo("id@a");
    }

    @Test
    void generated_call_ids_are_unique_and_valid() {
        assertThat(CallId.generate()).isNotEqualTo(CallId.generate());
    }

    @Test
    void function_names_follow_the_openfaas_alphabet() {
        assertThat(new FunctionName("nodeinfo.openfaas-fn_2").value()).isEqualTo("nodeinfo.openfaas-fn_2");
        assertThatThrownBy(() -> new FunctionName("a/b")).hasMessageContaining("[-a-zA-Z_0-9.]+");
        assertThatThrownBy(() -> new FunctionName("..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FunctionName("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FunctionName("f".repeat(FunctionName.MAX_LENGTH)).value()).hasSize(128);
        assertThatThrownBy(() -> new FunctionName("f".repeat(10_000))).hasMessage("function name must be at most 128 characters");
    }

    @Test
    void queue_names_are_usable_as_stream_and_subject_tokens() {
        assertThat(QueueName.DEFAULT.value()).isEqualTo("faas-request");
        assertThatThrownBy(() -> new QueueName("a.b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueueName("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new QueueName("q".repeat(QueueName.MAX_LENGTH)).value()).hasSize(128);
        assertThatThrownBy(() -> new QueueName("q".repeat(10_000))).hasMessageContaining("at most 128 characters");
    }

    @Test
    void a_queue_name_cannot_be_taken_for_another_queues_delayed_calls_or_dead_letters() {
        assertThatThrownBy(() -> new QueueName("orders_dlq")).hasMessageContaining("must not end in _delayed or _dlq");
        assertThatThrownBy(() -> new QueueName("orders_delayed")).hasMessageContaining("must not end in _delayed or _dlq");
        assertThat(new QueueName("dlq-orders").value()).isEqualTo("dlq-orders");
    }

    @Test
    void headers_are_case_insensitive_multi_valued_and_immutable() {
        Headers headers = Headers.of("Content-Type", "text/plain", "x-tag", "a", "X-Tag", "b");
        assertThat(headers.first("content-type")).contains("text/plain");
        assertThat(headers.values().get("X-TAG")).containsExactly("a", "b");
        assertThat(headers.without("X-TAG").contains("x-tag")).isFalse();
        assertThat(headers.with("x-tag", "c").values().get("X-Tag")).containsExactly("c");
        assertThatThrownBy(() -> headers.values().put("a", java.util.List.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void an_invocation_is_due_from_its_not_before_time_which_never_precedes_acceptance() {
        Instant accepted = Instant.parse("2026-01-01T00:00:00Z");
        Invocation deferred = invocation(accepted, accepted.plusSeconds(90));
        assertThat(deferred.isDueAt(accepted.plusSeconds(89))).isFalse();
        assertThat(deferred.isDueAt(accepted.plusSeconds(90))).isTrue();
        assertThat(invocation(accepted, accepted.minusSeconds(5)).notBefore()).isEqualTo(accepted);
    }

    @Test
    void invocations_with_equal_bodies_are_equal() {
        Instant accepted = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(invocation(accepted, accepted)).isEqualTo(invocation(accepted, accepted))
                .hasSameHashCodeAs(invocation(accepted, accepted));
    }

    @Test
    void a_lease_is_extended_three_times_per_ack_wait() {
        assertThat(new LeaseRule(Duration.ofSeconds(30)).extendEvery()).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> new LeaseRule(Duration.ZERO)).hasMessageContaining("positive");
    }

    @Test
    void a_function_definition_needs_an_absolute_http_url_and_reads_its_queue_and_timeout_annotations() {
        FunctionDefinition function = new FunctionDefinition(new FunctionName("echo"), URI.create("http://127.0.0.1:8081/"),
                Map.of(FunctionDefinition.QUEUE_ANNOTATION, "slow-queue", FunctionDefinition.TIMEOUT_ANNOTATION, "2m"));
        assertThat(function.queue(QueueName.DEFAULT)).isEqualTo(new QueueName("slow-queue"));
        assertThat(function.upstreamTimeout()).contains(Duration.ofMinutes(2));
        assertThatThrownBy(() -> new FunctionDefinition(new FunctionName("echo"), URI.create("ftp://host/"), Map.of()))
                .hasMessageContaining("http");
        assertThatThrownBy(() -> new FunctionDefinition(new FunctionName("echo"), URI.create("/relative"), Map.of()))
                .hasMessageContaining("absolute");
    }

    @Test
    void call_states_have_wire_names_and_know_when_they_are_final() {
        assertThat(CallState.DEAD_LETTERED.wireName()).isEqualTo("dead-lettered");
        for (CallState state : CallState.values()) {
            assertThat(CallState.ofWireName(state.wireName())).isEqualTo(state);
        }
        assertThat(CallState.RETRYING.isFinal()).isFalse();
        assertThat(CallState.CANCELLED.isFinal()).isTrue();
    }

    @Test
    void retry_after_reads_seconds_and_http_dates() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(RetryAfterHeader.parse("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfterHeader.parse("Thu, 01 Jan 2026 00:01:00 GMT", now)).contains(Duration.ofMinutes(1));
        assertThat(RetryAfterHeader.parse("Wed, 31 Dec 2025 00:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfterHeader.parse("later", now)).isEmpty();
    }

    @Test
    void epoch_nanos_round_trip_instants() {
        Instant instant = Instant.parse("2026-11-22T01:02:03.123456789Z");
        assertThat(EpochNanos.toInstant(EpochNanos.of(instant))).isEqualTo(instant);
        assertThat(EpochNanos.of(Instant.ofEpochSecond(1, 5))).isEqualTo(1_000_000_005L);
    }

    private static Invocation invocation(Instant accepted, Instant notBefore) {
        return new Invocation(new CallId("c1"), new FunctionName("echo"), QueueName.DEFAULT, "POST", "/a", "x=1",
                Headers.of("A", "1"), new byte[] {1, 2}, java.util.Optional.empty(), accepted, notBefore);
    }
}
