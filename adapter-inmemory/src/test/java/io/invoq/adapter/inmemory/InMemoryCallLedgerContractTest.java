package io.invoq.adapter.inmemory;

import io.invoq.ports.contract.CallLedgerContract;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.CallLedgerSettings;
import java.time.Duration;
import java.time.Instant;

/** The ledger contract on a manual clock; every process of a test shares the one in-memory ledger. */
class InMemoryCallLedgerContractTest extends CallLedgerContract {

    private final ManualTimeSource clock = new ManualTimeSource(Instant.parse("2030-01-01T00:00:00Z"));
    private CallLedger shared;

    @Override
    protected CallLedger newLedger(CallLedgerSettings settings) {
        if (shared == null) {
            shared = InMemoryBrokerModule.newCallLedger(settings, clock);
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
