package io.invoq.ports.contract;

import io.invoq.domain.CallId;
import io.invoq.domain.Invocation;
import io.invoq.ports.out.InvocationEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the calls whose callback the worker gave up on. */
final class RecordingEvents implements InvocationEvents {

    private final List<CallId> callbackFailures = new CopyOnWriteArrayList<>();

    @Override
    public void callbackFailed(Invocation invocation, String reason) {
        callbackFailures.add(invocation.callId());
    }

    List<CallId> callbackFailures() {
        return List.copyOf(callbackFailures);
    }
}
