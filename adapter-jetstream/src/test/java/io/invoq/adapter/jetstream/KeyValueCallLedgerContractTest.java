package io.invoq.adapter.jetstream;

import io.invoq.ports.contract.CallLedgerContract;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.CallLedgerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ledger contract on a real nats-server in real time; each test has a bucket, each ledger a connection of its own. */
class KeyValueCallLedgerContractTest extends CallLedgerContract {

    @RegisterExtension
    static final RealNatsServer nats = new RealNatsServer();

    private final JetStreamSettings settings = JetStreamSettings.builder()
            .urls(nats.server().url())
            .callsBucket("calls_" + UUID.randomUUID())
            .build();
    @Override
    protected CallLedger newLedger(CallLedgerSettings ledgerSettings) {
        return new KeyValueCallLedger(nats.connect(settings), settings, ledgerSettings);
    }

    @Override
    protected void letTimePass(Duration duration) {
        // real time passes on its own
    }

    @Override
    protected Instant now() {
        return Instant.now();
    }
}
