package io.invoq.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The ledgers of all phases, found by the phase named in a call id; what the servers record into. */
final class CallLedgers {

    private final Map<String, CallLedger> byPhase = new ConcurrentHashMap<>();
    private final LongAdder unknownCalls = new LongAdder();

    CallLedger open(String phase, int capacity) {
        CallLedger ledger = new CallLedger(phase, capacity);
        if (byPhase.putIfAbsent(phase, ledger) != null) {
            throw new IllegalArgumentException("phase " + phase + " was already run");
        }
        return ledger;
    }

    void arrivedAtFunction(String callId, long epochNanos) {
        find(callId, (ledger, sequence) -> ledger.arrivedAtFunction(sequence, epochNanos));
    }

    void calledBack(String callId, boolean functionSucceeded) {
        find(callId, (ledger, sequence) -> ledger.calledBack(sequence, functionSucceeded));
    }

    /** Requests and callbacks whose call id belongs to no phase of this run. */
    long unknownCalls() {
        return unknownCalls.sum();
    }

    private void find(String callId, SequenceAction action) {
        CallLedger ledger = callId == null ? null : byPhase.get(CallLedger.phaseOf(callId));
        int sequence = ledger == null ? -1 : ledger.sequenceOf(callId);
        if (sequence < 0) {
            unknownCalls.increment();
        } else {
            action.apply(ledger, sequence);
        }
    }

    @FunctionalInterface
    private interface SequenceAction {
        void apply(CallLedger ledger, int sequence);
    }
}
