package io.invoq.adapter.jetstream;

import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Options;
import java.security.NoSuchAlgorithmException;

/** Translates {@link JetStreamSettings} into jnats connection options. */
final class NatsOptions {

    private static final String CONNECTION_NAME = "invoq";
    private static final int RECONNECT_FOREVER = -1;

    private NatsOptions() {
    }

    static Options from(JetStreamSettings settings, ConnectionListener connectionListener, ErrorListener errorListener) {
        Options.Builder builder = new Options.Builder()
                .servers(settings.urls().toArray(String[]::new))
                .connectionName(CONNECTION_NAME)
                .connectionTimeout(settings.connectionTimeout())
                .maxReconnects(RECONNECT_FOREVER)
                .reconnectDelayHandler(ReconnectBackoff.of(settings))
                .pingInterval(settings.pingInterval())
                .maxPingsOut(settings.maxPingsOut())
                .connectionListener(connectionListener)
                .errorListener(errorListener);
        settings.user().ifPresent(user -> builder.userInfo(user, settings.password().orElseThrow()));
        settings.token().ifPresent(token -> builder.token(token.toCharArray()));
        settings.credentialsFile().ifPresent(file -> builder.credentialPath(file.toString()));
        settings.truststore().ifPresent(file -> builder.truststorePath(file.toString()));
        settings.truststorePassword().ifPresent(password -> builder.truststorePassword(password.toCharArray()));
        settings.keystore().ifPresent(file -> builder.keystorePath(file.toString()));
        settings.keystorePassword().ifPresent(password -> builder.keystorePassword(password.toCharArray()));
        if (settings.requiresTls() && settings.truststore().isEmpty() && settings.keystore().isEmpty()) {
            secure(builder);
        }
        return builder.build();
    }

    private static void secure(Options.Builder builder) {
        try {
            builder.secure();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no TLS for the NATS connection", e);
        }
    }
}
