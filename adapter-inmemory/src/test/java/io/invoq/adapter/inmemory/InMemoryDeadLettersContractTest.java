package io.invoq.adapter.inmemory;

import io.invoq.ports.contract.DeadLettersContract;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.DeadLetters;
import java.time.Duration;
import java.time.Instant;

/** The dead letters' contract on a manual clock; every process of a test shares the one in-memory store. */
class InMemoryDeadLettersContractTest extends DeadLettersContract {

    private final ManualTimeSource clock = new ManualTimeSource(Instant.parse("2030-01-01T00:00:00Z"));
    private DeadLetters shared;

    @Override
    protected DeadLetters newDeadLetters(DeadLetterSettings settings) {
        if (shared == null) {
            shared = InMemoryBrokerModule.newDeadLetters(settings, clock);
        }
        return shared;
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
    protected Duration deadlineMargin() {
        return Duration.ofNanos(1);
    }
}
