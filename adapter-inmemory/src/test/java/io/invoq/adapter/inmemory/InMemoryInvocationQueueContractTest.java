package io.invoq.adapter.inmemory;

import io.invoq.ports.contract.InvocationQueueContract;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueSettings;
import java.time.Duration;
import java.time.Instant;

/** The broker contract on a manual clock: no test waits for time to pass. */
class InMemoryInvocationQueueContractTest extends InvocationQueueContract {

    private final ManualTimeSource clock = new ManualTimeSource(Instant.parse("2030-01-01T00:00:00Z"));

    @Override
    protected InvocationQueue newQueue(QueueSettings settings) {
        return InMemoryBrokerModule.newQueue(settings, clock);
    }

    @Override
    protected void letTimePass(Duration duration) {
        clock.advance(duration);
    }

    @Override
    protected Instant now() {
        return clock.now();
    }

    @Override
    protected Duration quietPeriod() {
        return Duration.ofMillis(10);
    }

    @Override
    protected Duration deadlineMargin() {
        return Duration.ofNanos(1);
    }
}
