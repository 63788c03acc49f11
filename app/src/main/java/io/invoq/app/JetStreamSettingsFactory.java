package io.invoq.app;

import io.invoq.adapter.jetstream.JetStreamSettings;

/** The JetStream adapter's settings from invoq's configuration. */
final class JetStreamSettingsFactory {

    private JetStreamSettingsFactory() {
    }

    static JetStreamSettings from(InvoqConfig config) {
        InvoqConfig.NatsConfig nats = config.nats();
        JetStreamSettings.Builder builder = JetStreamSettings.builder()
                .urls(nats.urls())
                .replicas(nats.replicas())
                .tls(nats.tls());
        nats.stream().ifPresent(builder::streamName);
        nats.durable().ifPresent(builder::durableName);
        nats.user().ifPresent(user -> builder.userAndPassword(user, nats.password().orElse("")));
        nats.token().ifPresent(builder::token);
        nats.credentials().ifPresent(builder::credentialsFile);
        nats.truststore().ifPresent(file -> builder.truststore(file, nats.truststorePassword().orElse(null)));
        nats.keystore().ifPresent(file -> builder.keystore(file, nats.keystorePassword().orElse(null)));
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("invalid NATS configuration: " + e.getMessage());
        }
    }
}
