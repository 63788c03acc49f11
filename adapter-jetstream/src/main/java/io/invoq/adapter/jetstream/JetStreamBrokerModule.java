package io.invoq.adapter.jetstream;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.invoq.ports.out.BrokerConnectionEvents;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.CallLedgerSettings;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.DeadLetters;
import io.invoq.ports.out.FunctionRegistry;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueControls;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.TimeSource;
import java.util.Objects;

/**
 * The NATS JetStream broker: binds {@link InvocationQueue} with its {@link DeadLetters}, and a
 * key-value backed {@link FunctionRegistry}, {@link CallLedger} and {@link QueueControls}, singletons sharing one
 * connection. Requires {@link QueueSettings}, {@link DeadLetterSettings}, {@link CallLedgerSettings},
 * {@link TimeSource} and {@link BrokerConnectionEvents} to be bound elsewhere. The connection is
 * opened when the first of them is created, never while modules are configured; it does not wait
 * for the broker to be reachable.
 * Closing the {@link InvocationQueue} closes the connection.
 */
public final class JetStreamBrokerModule extends AbstractModule {

    private final JetStreamSettings settings;

    public JetStreamBrokerModule(JetStreamSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Provides
    @Singleton
    JetStreamConnection connection(BrokerConnectionEvents events) {
        return JetStreamConnection.open(settings, events);
    }

    @Provides
    @Singleton
    JetStreamInvocationQueue broker(JetStreamConnection connection, QueueSettings queueSettings, TimeSource time) {
        return new JetStreamInvocationQueue(connection, settings, queueSettings, time);
    }

    @Provides
    InvocationQueue invocationQueue(JetStreamInvocationQueue broker) {
        return broker;
    }

    @Provides
    QueueControls queueControls(JetStreamInvocationQueue broker) {
        return broker.controls();
    }

    @Provides
    @Singleton
    DeadLetters deadLetters(JetStreamConnection connection, DeadLetterSettings deadLetterSettings) {
        return new JetStreamDeadLetters(connection, settings, deadLetterSettings);
    }

    @Provides
    @Singleton
    FunctionRegistry functionRegistry(JetStreamConnection connection) {
        return new KeyValueFunctionRegistry(connection, settings);
    }

    @Provides
    @Singleton
    CallLedger callLedger(JetStreamConnection connection, CallLedgerSettings ledgerSettings) {
        return new KeyValueCallLedger(connection, settings, ledgerSettings);
    }
}
