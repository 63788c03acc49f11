package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoq.domain.Backoff;
import io.invoq.domain.QueueName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

    private static final String[] NO_FLAGS = {};

    @Test
    void with_nothing_set_invoq_runs_everything_on_the_in_memory_broker_with_the_queue_workers_defaults() {
        InvoqConfig config = InvoqConfig.load(NO_FLAGS, Map.of());

        assertThat(config.mode()).isEqualTo(InvoqConfig.Mode.ALL);
        assertThat(config.broker()).isEqualTo(InvoqConfig.BrokerKind.INMEMORY);
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.worker().queue()).isEqualTo(QueueName.DEFAULT);
        assertThat(config.worker().maxInflight()).isEqualTo(1);
        assertThat(config.worker().upstreamTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.worker().retryPolicy().maxAttempts()).isEqualTo(10);
        assertThat(config.worker().retryPolicy().initialWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.worker().retryPolicy().maxWait()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.worker().retryPolicy().retryCodes()).isEqualTo(Set.of(408, 429, 500, 502, 503, 504));
        assertThat(config.queue().ackWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.queue().isBounded()).isFalse();
        assertThat(config.worker().keepsDeadLetters()).isTrue();
        assertThat(config.maxRequestBytes()).isEqualTo(1_048_576);
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.upstreamUrl()).isEmpty();
        assertThat(config.nats().urls()).containsExactly("nats://127.0.0.1:4222");
    }

    @Test
    void environment_variables_use_the_queue_workers_lower_case_names_or_upper_case() {
        InvoqConfig config = InvoqConfig.load(NO_FLAGS, Map.of(
                "max_inflight", "8", "ACK_WAIT", "3m", "backoff", "full", "nats_url", "nats://a:4222,nats://b:4222"));

        assertThat(config.worker().maxInflight()).isEqualTo(8);
        assertThat(config.queue().maxAckPending()).as("nats_max_ack_pending's default").isEqualTo(1000);
        assertThat(InvoqConfig.load(NO_FLAGS, Map.of("max_inflight", "800")).queue().maxAckPending())
                .as("what one worker holds, running or being called back").isEqualTo(1600);
        assertThat(InvoqConfig.load(NO_FLAGS, Map.of("nats_max_ack_pending", "5000")).queue().maxAckPending()).isEqualTo(5000);
        assertThat(config.queue().ackWait()).isEqualTo(Duration.ofMinutes(3));
        assertThat(config.worker().lease().ackWait()).isEqualTo(Duration.ofMinutes(3));
        assertThat(config.worker().retryPolicy().backoff()).isEqualTo(Backoff.FULL);
        assertThat(config.nats().urls()).containsExactly("nats://a:4222", "nats://b:4222");
        assertThat(InvoqConfig.load(NO_FLAGS, Map.of("MAX_QUEUE_LENGTH", "50000")).queue().maxQueued()).isEqualTo(50_000);
        assertThat(InvoqConfig.load(NO_FLAGS, Map.of("dead_letters", "false")).worker().keepsDeadLetters()).isFalse();
    }

    @Test
    void kebab_case_flags_win_over_the_environment() {
        InvoqConfig config = InvoqConfig.load(new String[] {"--max-inflight=3", "--mode", "worker", "--debug"},
                Map.of("max_inflight", "8"));

        assertThat(config.worker().maxInflight()).isEqualTo(3);
        assertThat(config.mode()).isEqualTo(InvoqConfig.Mode.WORKER);
        assertThat(config.debug()).isTrue();
    }

    @Test
    void a_config_file_fills_in_what_flags_and_environment_leave_open(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("invoq.properties"), "queue_name=orders\nmax-inflight=5\n");

        InvoqConfig config = InvoqConfig.load(new String[] {"--config-file=" + file}, Map.of("max_inflight", "6"));

        assertThat(config.worker().queue()).isEqualTo(new QueueName("orders"));
        assertThat(config.worker().maxInflight()).isEqualTo(6);
    }

    @Test
    void an_invalid_value_fails_naming_the_key_the_value_and_the_flag() {
        assertThatThrownBy(() -> InvoqConfig.load(NO_FLAGS, Map.of("max_inflight", "lots")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("max_inflight='lots'")
                .hasMessageContaining("--max-inflight");
        assertThatThrownBy(() -> InvoqConfig.load(NO_FLAGS, Map.of("ack_wait", "soon")))
                .hasMessageContaining("ack_wait='soon'").hasMessageContaining("duration");
        assertThatThrownBy(() -> InvoqConfig.load(NO_FLAGS, Map.of("broker", "kafka")))
                .hasMessageContaining("broker='kafka'").hasMessageContaining("inmemory, jetstream");
        assertThatThrownBy(() -> InvoqConfig.load(NO_FLAGS, Map.of("retry_http_codes", "500,abc")))
                .hasMessageContaining("retry_http_codes");
        assertThatThrownBy(() -> InvoqConfig.load(NO_FLAGS, Map.of("port", "70000")))
                .hasMessageContaining("port='70000'");
        assertThatThrownBy(() -> InvoqConfig.load(NO_FLAGS, Map.of("upstream_url", "gateway:8080")))
                .hasMessageContaining("upstream_url");
        assertThatThrownBy(() -> InvoqConfig.load(NO_FLAGS, Map.of("functions_file", "/no/such/file.json")))
                .hasMessageContaining("functions_file='/no/such/file.json' is not a readable file");
        assertThatThrownBy(() -> InvoqConfig.load(NO_FLAGS, Map.of("debug", "maybe")))
                .hasMessageContaining("debug='maybe' must be true or false");
        assertThatThrownBy(() -> InvoqConfig.load(NO_FLAGS, Map.of("max_queue_length", "-1")))
                .hasMessageContaining("max_queue_length='-1'").hasMessageContaining("--max-queue-length");
    }

    @Test
    void waits_that_contradict_each_other_fail_naming_the_key() {
        assertThatThrownBy(() -> InvoqConfig.load(NO_FLAGS, Map.of("initial_retry_wait", "5m", "max_retry_wait", "1m")))
                .hasMessageContaining("max_retry_wait='1m' must not be shorter than initial_retry_wait");
    }

    @Test
    void unknown_flags_and_stray_arguments_are_refused() {
        assertThatThrownBy(() -> InvoqConfig.load(new String[] {"--max-inflite=3"}, Map.of()))
                .hasMessageContaining("unknown flag --max-inflite");
        assertThatThrownBy(() -> InvoqConfig.load(new String[] {"jetstream"}, Map.of()))
                .hasMessageContaining("unexpected argument 'jetstream'");
    }

    @Test
    void the_upstream_url_is_a_template_for_functions_the_registry_does_not_know() {
        InvoqConfig config = InvoqConfig.load(new String[] {"--upstream-url=http://gateway:8080/function/{name}"}, Map.of());

        assertThat(config.upstreamUrl()).isEqualTo(Optional.of("http://gateway:8080/function/{name}"));
    }

    @Test
    void the_help_text_lists_every_key_with_its_flag() {
        for (ConfigKey<?> key : ConfigKey.all()) {
            assertThat(Usage.text()).contains(key.flag(), key.help().replace("`", ""));
        }
    }

    @Test
    void the_readmes_configuration_table_is_the_declarations() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("| key | flag | default | meaning |");
        int end = readme.indexOf("\n\n", start);
        String expected = Usage.markdownTable();

        assertThat(start).as("the README's configuration table").isNotNegative();
        assertThat(readme.substring(start, end))
                .as("README.md's configuration table; replace it with:%n%s%n", expected)
                .isEqualTo(expected);
    }

    @Test
    void every_default_is_a_valid_value_of_its_key() {
        for (ConfigKey<?> key : ConfigKey.all()) {
            if (!key.defaultText().isEmpty()) {
                String flag = key.flag() + "=" + key.defaultText();
                assertThat(InvoqConfig.load(new String[] {flag}, Map.of())).as(flag)
                        .isEqualTo(InvoqConfig.load(NO_FLAGS, Map.of()));
            }
        }
    }

    @Test
    void a_value_a_record_refuses_fails_naming_the_key_not_with_a_stack_trace() {
        assertThatThrownBy(() -> InvoqConfig.load(NO_FLAGS, Map.of("max_request_bytes", "99999999999")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("max_request_bytes='99999999999' must be between 1 and");
        assertThatThrownBy(() -> InvoqConfig.load(NO_FLAGS, Map.of("nats_stream", "OF.{queue}")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("nats_stream='OF.{queue}' must be a name");
    }

    @Test
    void an_invalid_nats_url_fails_naming_the_key_without_its_password() {
        for (String url : new String[] {"nats://user:SECRET@:bad:port", "user:SECRET@:bad", "nats://a:4222,", "http://h:1"}) {
            assertThatThrownBy(() -> InvoqConfig.load(new String[] {"--nats-url=" + url}, Map.of()))
                    .as(url).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("nats_url").hasMessageNotContaining("SECRET");
        }
        assertThat(InvoqConfig.load(new String[] {"--nats-url=user:pw@host:4222, tls://h2"}, Map.of()).nats().urls())
                .containsExactly("user:pw@host:4222", "tls://h2");
    }

    @Test
    void a_tls_keystore_that_cannot_be_opened_fails_naming_the_key_without_the_password() throws IOException {
        Path notAKeyStore = Files.writeString(Files.createTempFile("invoq-", ".p12"), "not a key store");

        assertThatThrownBy(() -> InvoqConfig.load(new String[] {"--tls-keystore=" + notAKeyStore,
                "--tls-keystore-password=SECRET-PW"}, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("tls_keystore").hasMessageNotContaining("SECRET-PW");
    }
}
