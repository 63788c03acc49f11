package io.invoq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CallLedgerTest {

    private final CallLedgers ledgers = new CallLedgers();
    private final CallLedger ledger = ledgers.open("jetstream-peak", 4);

    @Test
    void callIdsNameThePhaseAndTheSequence() {
        String callId = ledger.callId(3);

        assertThat(callId).isEqualTo("jetstream-peak.3");
        assertThat(CallLedger.phaseOf(callId)).isEqualTo("jetstream-peak");
        assertThat(ledger.sequenceOf(callId)).isEqualTo(3);
        assertThat(ledger.sequenceOf("jetstream-peak.4")).isEqualTo(-1);
        assertThat(ledger.sequenceOf("jetstream-peak.x")).isEqualTo(-1);
    }

    @Test
    void talliesLostDuplicateAndUnexpectedCallbacks() {
        ledger.accepted(0, 1_000_000);
        ledger.accepted(1, 1_000_000);
        ledger.accepted(2, 1_000_000);
        ledgers.calledBack(ledger.callId(0), true);
        ledgers.calledBack(ledger.callId(1), true);
        ledgers.calledBack(ledger.callId(1), false);
        ledgers.calledBack(ledger.callId(3), true);
        ledgers.calledBack("someone-else.1", true);

        CallTally tally = ledger.tally();

        assertThat(tally.accepted()).isEqualTo(3);
        assertThat(tally.completed()).isEqualTo(2);
        assertThat(tally.lost()).isEqualTo(1);
        assertThat(tally.duplicates()).isEqualTo(1);
        assertThat(tally.unexpected()).isEqualTo(1);
        assertThat(tally.failed()).isEqualTo(1);
        assertThat(ledgers.unknownCalls()).isEqualTo(1);
    }

    @Test
    void measuresFromAcceptanceToTheFirstArrivalAtTheFunction() {
        ledger.accepted(0, 1_000_000_000L);
        ledgers.arrivedAtFunction(ledger.callId(0), 1_003_000_000L);
        ledgers.arrivedAtFunction(ledger.callId(0), 1_900_000_000L);

        LatencySummary start = ledger.tally().submitToStart();

        assertThat(start.count()).isEqualTo(1);
        assertThat(start.p50Ms()).isCloseTo(3, within(0.01));
    }
}
