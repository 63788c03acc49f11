package io.invoq.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.CallLedgerSettings;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.DeadLetters;
import io.invoq.ports.out.FunctionRegistry;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.TimeSource;
import org.junit.jupiter.api.Test;

class InMemoryBrokerModuleTest {

    @Test
    void the_module_binds_one_broker_dead_letter_store_registry_and_ledger_for_the_whole_application() {
        Injector injector = Guice.createInjector(new InMemoryBrokerModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(QueueSettings.class).toInstance(QueueSettings.DEFAULT);
                bind(CallLedgerSettings.class).toInstance(CallLedgerSettings.DEFAULT);
                bind(DeadLetterSettings.class).toInstance(DeadLetterSettings.DEFAULT);
                bind(TimeSource.class).toInstance(TimeSource.SYSTEM);
            }
        });

        InvocationQueue broker = injector.getInstance(InvocationQueue.class);
        assertThat(injector.getInstance(InvocationQueue.class)).isSameAs(broker);
        assertThat(injector.getInstance(FunctionRegistry.class))
                .isSameAs(injector.getInstance(FunctionRegistry.class));
        assertThat(injector.getInstance(CallLedger.class)).isSameAs(injector.getInstance(CallLedger.class));
        assertThat(injector.getInstance(DeadLetters.class)).isSameAs(injector.getInstance(DeadLetters.class));
        assertThat(broker.isAvailable()).isTrue();
        broker.close();
    }

    @Test
    void whoever_installs_the_module_binds_the_queue_dead_letter_and_ledger_settings_and_the_time_source() {
        assertThatThrownBy(() -> Guice.createInjector(new InMemoryBrokerModule()))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining(QueueSettings.class.getSimpleName())
                .hasMessageContaining(CallLedgerSettings.class.getSimpleName())
                .hasMessageContaining(DeadLetterSettings.class.getSimpleName())
                .hasMessageContaining(TimeSource.class.getSimpleName());
    }
}
