package io.invoq.adapter.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.domain.CallChange;
import io.invoq.domain.Invocation;
import io.invoq.ports.out.BrokerConnectionEvents;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.CallLedgerSettings;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.DeadLetters;
import io.invoq.ports.out.FunctionRegistry;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.TimeSource;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JetStreamBrokerModuleTest {

    @Test
    void theQueueItsDeadLettersTheRegistryAndTheLedgerAreSingletonsThatWorkAgainstTheServer() {
        try (NatsServerProcess server = NatsServerProcess.start()) {
            Injector injector = Guice.createInjector(new JetStreamBrokerModule(TestBrokers.settings(server)), appBindings());
            InvocationQueue queue = injector.getInstance(InvocationQueue.class);
            FunctionRegistry registry = injector.getInstance(FunctionRegistry.class);
            CallLedger ledger = injector.getInstance(CallLedger.class);

            assertThat(injector.getInstance(InvocationQueue.class)).isSameAs(queue);
            assertThat(injector.getInstance(FunctionRegistry.class)).isSameAs(registry);
            assertThat(injector.getInstance(CallLedger.class)).isSameAs(ledger);
            assertThat(injector.getInstance(DeadLetters.class)).isSameAs(injector.getInstance(DeadLetters.class));
            assertThat(queue.isAvailable()).isTrue();
            Invocation call = TestCalls.call(TestCalls.uniqueQueue(), "figlet");
            assertThat(queue.publish(call).duplicate()).isFalse();
            ledger.change(call.callId(), CallChange.accepted(call)).join();
            assertThat(ledger.find(call.callId()).join()).isPresent();
            assertThat(registry.save(new FunctionDefinition(new FunctionName("figlet"), URI.create("http://f:8080"), Map.of())))
                    .isTrue();
            queue.close();
        }
    }

    @Test
    void nothingConnectsWhileTheInjectorIsBuiltAndAnUnreachableBrokerDoesNotBlockStartUp() {
        JetStreamSettings unreachable = JetStreamSettings.builder().urls("nats://127.0.0.1:1")
                .connectionTimeout(Duration.ofMillis(500)).build();

        Injector injector = Guice.createInjector(new JetStreamBrokerModule(unreachable), appBindings());
        InvocationQueue queue = injector.getInstance(InvocationQueue.class);

        assertThat(queue.isAvailable()).isFalse();
        queue.close();
    }

    @Test
    void theAppMustBindQueueDeadLetterAndLedgerSettingsATimeSourceAndAListenerToTheConnection() {
        assertThatThrownBy(() -> Guice.createInjector(new JetStreamBrokerModule(JetStreamSettings.DEFAULT)))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining(QueueSettings.class.getName())
                .hasMessageContaining(CallLedgerSettings.class.getName())
                .hasMessageContaining(DeadLetterSettings.class.getName())
                .hasMessageContaining(TimeSource.class.getName())
                .hasMessageContaining(BrokerConnectionEvents.class.getName());
    }

    private static AbstractModule appBindings() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(QueueSettings.class).toInstance(TestBrokers.QUICK_LEASES);
                bind(CallLedgerSettings.class).toInstance(CallLedgerSettings.DEFAULT);
                bind(DeadLetterSettings.class).toInstance(DeadLetterSettings.DEFAULT);
                bind(TimeSource.class).toInstance(TimeSource.SYSTEM);
                bind(BrokerConnectionEvents.class).toInstance(BrokerConnectionEvents.NONE);
            }
        };
    }
}
