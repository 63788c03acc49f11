package io.invoq.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FunctionAnnotationsTest {

    @Test
    void every_annotation_invoq_reads_is_parsed_once_into_its_value() {
        FunctionAnnotations annotations = FunctionAnnotations.parse(Map.of(
                "com.openfaas.queue", "slow-queue",
                "com.invoq.timeout", "2m",
                "com.openfaas.retry.attempts", "3",
                "com.openfaas.retry.codes", "500, 418",
                "com.openfaas.retry.min_wait", "1s",
                "com.openfaas.retry.max_wait", "1m",
                "com.example.unrelated", "anything at all"));

        assertThat(annotations.get(FunctionAnnotations.QUEUE)).contains(new QueueName("slow-queue"));
        assertThat(annotations.get(FunctionAnnotations.TIMEOUT)).contains(Duration.ofMinutes(2));
        assertThat(annotations.get(FunctionAnnotations.RETRY_ATTEMPTS)).contains(3);
        assertThat(annotations.get(FunctionAnnotations.RETRY_CODES)).contains(Set.of(500, 418));
        assertThat(annotations.get(FunctionAnnotations.RETRY_MIN_WAIT)).contains(Duration.ofSeconds(1));
        assertThat(annotations.get(FunctionAnnotations.RETRY_MAX_WAIT)).contains(Duration.ofMinutes(1));
    }

    @Test
    void annotations_left_out_have_no_value_and_a_blank_queue_means_the_default_queue() {
        FunctionAnnotations annotations = FunctionAnnotations.parse(Map.of("com.openfaas.queue", " "));

        assertThat(annotations.get(FunctionAnnotations.QUEUE)).isEmpty();
        assertThat(annotations.get(FunctionAnnotations.TIMEOUT)).isEmpty();
        assertThat(FunctionAnnotations.NONE.get(FunctionAnnotations.RETRY_ATTEMPTS)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "com.invoq.timeout|9999999h",
        "com.invoq.timeout|0s",
        "com.invoq.timeout|0",
        "com.invoq.timeout|25h",
        "com.invoq.timeout|soon",
        "com.invoq.timeout|''",
        "com.openfaas.retry.attempts|0",
        "com.openfaas.retry.attempts|-1",
        "com.openfaas.retry.attempts|many",
        "com.openfaas.retry.attempts|99999999999",
        "com.openfaas.retry.attempts|1001",
        "com.openfaas.retry.codes|5xx",
        "com.openfaas.retry.codes|42",
        "com.openfaas.retry.codes|600",
        "com.openfaas.retry.min_wait|9999999h",
        "com.openfaas.retry.min_wait|-5s",
        "com.openfaas.retry.min_wait|25h",
        "com.openfaas.retry.max_wait|0s",
        "com.openfaas.retry.max_wait|soon",
        "com.openfaas.queue|../x",
        "com.openfaas.queue|a.b",
        "com.openfaas.queue|*",
        "com.openfaas.queue|>",
        "com.openfaas.queue|faas-request~dlq",
        "com.openfaas.queue|ü",
    })
    void an_annotation_invoq_cannot_use_is_refused_naming_it_and_its_value(String name, String value) {
        assertThatThrownBy(() -> FunctionAnnotations.parse(Map.of(name, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void a_queue_name_over_128_characters_is_refused() {
        assertThat(FunctionAnnotations.parse(Map.of("com.openfaas.queue", "q".repeat(128))).get(FunctionAnnotations.QUEUE))
                .isPresent();
        assertThatThrownBy(() -> FunctionAnnotations.parse(Map.of("com.openfaas.queue", "q".repeat(129))))
                .hasMessageContaining("com.openfaas.queue").hasMessageContaining("128");
    }

    @Test
    void a_min_wait_over_the_max_wait_is_refused_naming_both() {
        assertThatThrownBy(() -> FunctionAnnotations.parse(Map.of(
                "com.openfaas.retry.min_wait", "2m", "com.openfaas.retry.max_wait", "1m")))
                .hasMessageContaining("com.openfaas.retry.min_wait").hasMessageContaining("com.openfaas.retry.max_wait");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999999h", "../x"})
    void a_function_definition_refuses_what_its_annotations_refuse(String value) {
        String name = value.startsWith(".") ? "com.openfaas.queue" : "com.invoq.timeout";
        assertThatThrownBy(() -> new FunctionDefinition(new FunctionName("poison"), URI.create("http://127.0.0.1:9/"),
                Map.of(name, value))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
    }
}
