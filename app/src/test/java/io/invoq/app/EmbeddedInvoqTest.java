package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.invoq.app.RecordingHttpServer.Response;
import java.net.URI;
import java.time.Duration;
import io.invoq.adapter.inmemory.ManualTimeSource;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** invoq started in code through the public {@link Invoq} and {@link InvoqOptions}, as a user's test would. */
class EmbeddedInvoqTest {

    @Test
    void runs_on_a_free_port_with_functions_registered_in_code_and_settings_of_any_key() {
        try (RecordingHttpServer function = RecordingHttpServer.answering(Response.status(503));
             RecordingHttpServer callbacks = RecordingHttpServer.answering(Response.status(204));
             Invoq invoq = Invoq.start(InvoqOptions.builder()
                     .set("max_retry_attempts", "2")
                     .set("initial-retry-wait", "10ms")
                     .function("flaky", URI.create(function.url("/")))
                     .build())) {
            assertThat(invoq.port()).isPositive();
            assertThat(invoq.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + invoq.port()));
            InvoqClient client = new InvoqClient(invoq.port());

            assertThat(client.send("POST", "/async-function/flaky", "x", "X-Callback-Url", callbacks.url("/done"))
                    .statusCode()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(20)).until(() -> callbacks.requests().size() == 1);
            assertThat(function.requests()).hasSize(2);
            assertThat(callbacks.requests().get(0).header("X-Retry-Max")).isEqualTo("2");
        }
    }

    @Test
    void a_function_registered_while_running_is_listed_with_its_annotations() {
        try (Invoq invoq = Invoq.start(InvoqOptions.builder().build())) {
            invoq.registerFunction("resize", URI.create("http://127.0.0.1:9/"), Map.of("com.openfaas.queue", "images"));

            assertThat(new InvoqClient(invoq.port()).getJson("/system/functions/resize").toString())
                    .contains("\"com.openfaas.queue\":\"images\"");
        }
    }

    @Test
    void a_gateway_only_invoq_runs_no_worker() {
        try (Invoq invoq = Invoq.start(InvoqOptions.builder().mode(InvoqOptions.Mode.GATEWAY).build())) {
            assertThat(((RunningInvoq) invoq).get(InvoqConfig.class).mode()).isEqualTo(InvoqConfig.Mode.GATEWAY);
            assertThat(new InvoqClient(invoq.port()).send("GET", "/readyz", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void an_unknown_key_or_an_invalid_value_fails_the_build_naming_the_key() {
        assertThatThrownBy(() -> InvoqOptions.builder().set("max_inflite", "2").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("max-inflite");
        assertThatThrownBy(() -> InvoqOptions.builder().set("max_inflight", "many").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("max_inflight='many'");
    }

    @Test
    void a_clock_of_ones_own_needs_the_in_memory_broker() {
        InvoqOptions.Builder onJetStream = InvoqOptions.builder()
                .jetStream("nats://127.0.0.1:4222")
                .clock(new ManualTimeSource(Instant.EPOCH));

        assertThatThrownBy(onJetStream::build).isInstanceOf(ConfigurationException.class).hasMessageContaining("broker=inmemory");
    }

    @Test
    void options_are_immutable_and_keep_the_keys_set() {
        InvoqOptions.Builder builder = InvoqOptions.builder().set("MAX_INFLIGHT", "4");
        InvoqOptions options = builder.build();
        builder.set("max_inflight", "8");

        assertThat(options.settings()).containsEntry("max_inflight", "4").containsEntry("port", "0");
        assertThatThrownBy(() -> options.settings().put("debug", "true")).isInstanceOf(UnsupportedOperationException.class);
    }
}
