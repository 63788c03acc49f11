package io.invoq.adapter.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Options;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JetStreamSettingsTest {

    private static final ConnectionListener NO_LISTENER = (connection, event) -> { };
    private static final ErrorListener NO_ERRORS = new ErrorListener() { };

    @Test
    void theDefaultsMatchTheDocumentedConstants() {
        JetStreamSettings defaults = JetStreamSettings.DEFAULT;

        assertThat(defaults.urls()).containsExactly(JetStreamSettings.DEFAULT_URL);
        assertThat(defaults.streamName()).isEqualTo("OF_{queue}");
        assertThat(defaults.durableName()).isEqualTo("{queue}-workers");
        assertThat(defaults.replicas()).isEqualTo(1);
        assertThat(defaults.functionsBucket()).isEqualTo("invoq_functions");
        assertThat(defaults.callsBucket()).isEqualTo("invoq_calls");
        assertThat(defaults.requiresTls()).isFalse();
    }

    @Test
    void aCommaSeparatedUrlListNamesEveryServerOfTheCluster() {
        JetStreamSettings settings = JetStreamSettings.builder().urls("nats://a:4222, nats://b:4222 ,nats://c:4222").build();

        Options options = NatsOptions.from(settings, NO_LISTENER, NO_ERRORS);

        assertThat(options.getServers()).containsExactly(
                URI.create("nats://a:4222"), URI.create("nats://b:4222"), URI.create("nats://c:4222"));
    }

    @Test
    void credentialsReachTheConnectionOptions() {
        Options withUser = NatsOptions.from(JetStreamSettings.builder().userAndPassword("alice", "s3cret").build(),
                NO_LISTENER, NO_ERRORS);
        Options withToken = NatsOptions.from(JetStreamSettings.builder().token("t0ken").build(), NO_LISTENER, NO_ERRORS);

        assertThat(withUser.getUsernameChars()).containsExactly("alice".toCharArray());
        assertThat(withToken.getTokenChars()).containsExactly("t0ken".toCharArray());
    }

    @Test
    void requiringTlsGivesTheConnectionATlsContext() {
        Options options = NatsOptions.from(JetStreamSettings.builder().tls(true).build(), NO_LISTENER, NO_ERRORS);

        assertThat(options.getSslContext()).isNotNull();
    }

    @Test
    void theConnectionReconnectsForever() {
        Options options = NatsOptions.from(JetStreamSettings.DEFAULT, NO_LISTENER, NO_ERRORS);

        assertThat(options.getMaxReconnect()).isEqualTo(-1);
    }

    @Test
    void reconnectionAttemptsBackOffUpToTheMaximum() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

        assertThat(backoff.getWaitTime(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.getWaitTime(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.getWaitTime(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.getWaitTime(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.getWaitTime(Long.MAX_VALUE)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void secretsNeverAppearInTheTextForm() {
        JetStreamSettings settings = JetStreamSettings.builder().userAndPassword("alice", "s3cret").token("t0ken").build();

        assertThat(settings.toString()).contains("alice").doesNotContain("s3cret").doesNotContain("t0ken");
    }

    @Test
    void credentialsInAServerUrlNeverAppearInTheTextForm() {
        JetStreamSettings settings = JetStreamSettings.builder()
                .urls("nats://alice:s3cret@a.example:4222, nats://t0ken@b.example:4222, nats://c.example:4222").build();

        assertThat(settings.toString()).contains("a.example:4222", "b.example:4222", "nats://c.example:4222")
                .doesNotContain("s3cret").doesNotContain("t0ken").doesNotContain("alice");
    }

    @Test
    void invalidSettingsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> JetStreamSettings.builder().replicas(7).build()).hasMessageContaining("replicas");
        assertThatThrownBy(() -> JetStreamSettings.builder().urls(" , ").build()).hasMessageContaining("urls");
        assertThatThrownBy(() -> JetStreamSettings.builder().streamName("OF.{queue}").build()).hasMessageContaining("stream name");
        assertThatThrownBy(() -> JetStreamSettings.builder().requestTimeout(Duration.ZERO).build())
                .hasMessageContaining("request timeout");
    }
}
