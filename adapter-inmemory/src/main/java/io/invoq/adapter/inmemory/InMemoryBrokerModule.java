package io.invoq.adapter.inmemory;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.invoq.ports.out.FunctionRegistry;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.TimeSource;

/**
 * Binds the in-memory broker ({@link InvocationQueue}) and {@link FunctionRegistry}, each a
 * singleton. Whoever installs it binds {@link QueueSettings} and {@link TimeSource}:
 * {@link TimeSource#SYSTEM} in production, a {@link ManualTimeSource} in tests.
 *
 * <p>Tests that do without Guice build the same objects with {@link #newQueue} and
 * {@link #newFunctionRegistry}.
 */
public final class InMemoryBrokerModule extends AbstractModule {

    /**
     * A broker with JetStream's semantics, held in memory. Leases, retry delays and the duplicate
     * window follow {@code time}; a fetch's {@code maxWait} is real time. Close it when done.
     */
    public static InvocationQueue newQueue(QueueSettings settings, TimeSource time) {
        return new InMemoryInvocationQueue(settings, time);
    }

    /** An empty, thread-safe registry. */
    public static FunctionRegistry newFunctionRegistry() {
        return new InMemoryFunctionRegistry();
    }

    @Provides
    @Singleton
    InvocationQueue invocationQueue(QueueSettings settings, TimeSource time) {
        return newQueue(settings, time);
    }

    @Provides
    @Singleton
    FunctionRegistry functionRegistry() {
        return newFunctionRegistry();
    }
}
