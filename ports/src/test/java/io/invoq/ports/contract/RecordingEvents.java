package io.invoq.ports.contract;

import io.invoq.domain.CallId;
import io.invoq.domain.Invocation;
import io.invoq.domain.RetryDecision;
import io.invoq.ports.out.InvocationEvents;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records how calls ended, the attempts cut short, the calls found cancelled and those whose callback the worker gave up on. */
final class RecordingEvents implements InvocationEvents {

    private final List<CallId> callbackFailures = new CopyOnWriteArrayList<>();
    private final List<CallId> abandonedAttempts = new CopyOnWriteArrayList<>();
    private final List<CallId> cancelled = new CopyOnWriteArrayList<>();
    private final Map<CallId, RetryDecision.Outcome> outcomes = new ConcurrentHashMap<>();

    @Override
    public void callbackFailed(Invocation invocation, String reason) {
        callbackFailures.add(invocation.callId());
    }

    @Override
    public void attemptAbandoned(Invocation invocation, int attempt) {
        abandonedAttempts.add(invocation.callId());
    }

    @Override
    public void callCancelled(Invocation invocation, int attempt) {
        cancelled.add(invocation.callId());
    }

    @Override
    public void callFinished(Invocation invocation, int attempts, int status, RetryDecision.Outcome outcome) {
        outcomes.put(invocation.callId(), outcome);
    }

    List<CallId> callbackFailures() {
        return List.copyOf(callbackFailures);
    }

    List<CallId> abandonedAttempts() {
        return List.copyOf(abandonedAttempts);
    }

    List<CallId> cancelledCalls() {
        return List.copyOf(cancelled);
    }

    Optional<RetryDecision.Outcome> outcomeOf(CallId call) {
        return Optional.ofNullable(outcomes.get(call));
    }
}
