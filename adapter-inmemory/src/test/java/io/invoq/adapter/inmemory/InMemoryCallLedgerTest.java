package io.invoq.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.domain.RetryDecision;
import io.invoq.ports.out.CallLedgerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryCallLedgerTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private final ManualTimeSource clock = new ManualTimeSource(NOW);
    private final InMemoryCallLedger ledger = new InMemoryCallLedger(new CallLedgerSettings(Duration.ofHours(24)), clock, 2);

    @Test
    void past_its_capacity_the_ledger_forgets_the_call_changed_longest_ago() {
        Invocation first = call();
        Invocation second = call();
        Invocation third = call();
        ledger.change(first.callId(), CallChange.accepted(first));
        ledger.change(second.callId(), CallChange.accepted(second));
        ledger.change(first.callId(), CallChange.ended(first, RetryDecision.Outcome.SUCCEEDED, 1, 200, NOW));

        ledger.change(third.callId(), CallChange.accepted(third));

        assertThat(ledger.find(second.callId()).join()).isEmpty();
        assertThat(ledger.find(first.callId()).join()).isPresent();
        assertThat(ledger.find(third.callId()).join()).isPresent();
    }

    private static Invocation call() {
        return new Invocation(CallId.generate(), new FunctionName("fn"), new QueueName("q"), "POST", "", "",
                Headers.EMPTY, new byte[0], Optional.empty(), NOW, NOW);
    }
}
