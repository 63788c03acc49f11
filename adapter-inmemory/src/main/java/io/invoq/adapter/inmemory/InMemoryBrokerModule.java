package io.invoq.adapter.inmemory;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.CallLedgerSettings;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.DeadLetters;
import io.invoq.ports.out.FunctionRegistry;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueControls;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.TimeSource;

/**
 * Binds the in-memory broker ({@link InvocationQueue}) with its {@link DeadLetters},
 * {@link FunctionRegistry}, {@link CallLedger} and {@link QueueControls}, each a singleton. Whoever installs it binds
 * {@link QueueSettings}, {@link DeadLetterSettings}, {@link CallLedgerSettings} and {@link TimeSource}:
 * the process's {@link io.invoq.ports.out.Scheduler} in production, a {@link ManualTimeSource} in
 * tests; a time source that is a scheduler wakes fetchers when a delay or a lease runs out.
 *
 * <p>Tests that do without Guice build the same objects with {@link #newQueue},
 * {@link #newDeadLetters}, {@link #newFunctionRegistry} and {@link #newCallLedger}.
 */
public final class InMemoryBrokerModule extends AbstractModule {

    /**
     * A broker with JetStream's semantics, held in memory. Leases, retry delays and the duplicate
     * window follow {@code time}; a fetch's {@code maxWait} is real time. Close it when done.
     */
    public static InvocationQueue newQueue(QueueSettings settings, TimeSource time) {
        return new InMemoryInvocationQueue(settings, time);
    }

    /** The scaling modes, pauses and start budgets {@code broker} keeps, made by {@link #newQueue}; thread-safe. */
    public static QueueControls queueControlsOf(InvocationQueue broker) {
        return ((InMemoryInvocationQueue) broker).controls();
    }

    /** An empty, thread-safe registry. */
    public static FunctionRegistry newFunctionRegistry() {
        return new InMemoryFunctionRegistry();
    }

    /** No dead letters yet; thread-safe, the retention following {@code time}. */
    public static DeadLetters newDeadLetters(DeadLetterSettings settings, TimeSource time) {
        return new InMemoryDeadLetters(settings, time);
    }

    /** An empty, thread-safe ledger whose retention follows {@code time}. */
    public static CallLedger newCallLedger(CallLedgerSettings settings, TimeSource time) {
        return new InMemoryCallLedger(settings, time);
    }

    @Provides
    @Singleton
    InMemoryInvocationQueue broker(QueueSettings settings, TimeSource time) {
        return new InMemoryInvocationQueue(settings, time);
    }

    @Provides
    InvocationQueue invocationQueue(InMemoryInvocationQueue broker) {
        return broker;
    }

    @Provides
    QueueControls queueControls(InMemoryInvocationQueue broker) {
        return broker.controls();
    }

    @Provides
    @Singleton
    DeadLetters deadLetters(DeadLetterSettings settings, TimeSource time) {
        return newDeadLetters(settings, time);
    }

    @Provides
    @Singleton
    FunctionRegistry functionRegistry() {
        return newFunctionRegistry();
    }

    @Provides
    @Singleton
    CallLedger callLedger(CallLedgerSettings settings, TimeSource time) {
        return newCallLedger(settings, time);
    }
}
