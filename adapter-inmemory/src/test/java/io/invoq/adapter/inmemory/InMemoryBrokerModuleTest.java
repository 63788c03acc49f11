package io.invoq.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.invoq.ports.out.FunctionRegistry;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.TimeSource;
import org.junit.jupiter.api.Test;

class InMemoryBrokerModuleTest {

    @Test
    void the_module_binds_one_broker_and_one_registry_for_the_whole_application() {
        Injector injector = Guice.createInjector(new InMemoryBrokerModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(QueueSettings.class).toInstance(QueueSettings.DEFAULT);
                bind(TimeSource.class).toInstance(TimeSource.SYSTEM);
            }
        });

        InvocationQueue broker = injector.getInstance(InvocationQueue.class);
        assertThat(injector.getInstance(InvocationQueue.class)).isSameAs(broker);
        assertThat(injector.getInstance(FunctionRegistry.class))
                .isSameAs(injector.getInstance(FunctionRegistry.class));
        assertThat(broker.isAvailable()).isTrue();
        broker.close();
    }

    @Test
    void whoever_installs_the_module_binds_the_queue_settings_and_the_time_source() {
        assertThatThrownBy(() -> Guice.createInjector(new InMemoryBrokerModule()))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining(QueueSettings.class.getSimpleName())
                .hasMessageContaining(TimeSource.class.getSimpleName());
    }
}
