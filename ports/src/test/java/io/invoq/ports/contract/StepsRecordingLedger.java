package io.invoq.ports.contract;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.domain.CallState;
import io.invoq.ports.out.CallLedger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A call ledger that remembers which states the steps written to it moved calls to. */
public final class StepsRecordingLedger extends ForwardingCallLedger {

    private record Step(CallId call, CallChange change) {
    }

    private final List<Step> steps = new CopyOnWriteArrayList<>();

    public StepsRecordingLedger(CallLedger ledger) {
        super(ledger);
    }

    /** The states the call's progress steps moved it to, in the order they were written; cancels are left out. */
    public List<CallState> statesWrittenFor(CallId call) {
        return steps.stream()
                .filter(step -> step.call().equals(call))
                .map(Step::change)
                .flatMap(change -> change instanceof CallChange.Progress progress
                        ? Stream.of(progress.next().state()) : Stream.empty())
                .toList();
    }

    @Override
    public CompletableFuture<Optional<CallRecord>> change(CallId call, CallChange change) {
        steps.add(new Step(call, change));
        return super.change(call, change);
    }
}
