package io.invoq.app;

import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.domain.RetryDecision;
import io.invoq.ports.out.InvocationEvents;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Tells every listener, the log and the metrics, what happens to calls. */
final class InvocationEventsFanOut implements InvocationEvents {

    private final List<InvocationEvents> listeners;

    InvocationEventsFanOut(Collection<InvocationEvents> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void submitted(Invocation invocation, boolean duplicate) {
        listeners.forEach(listener -> listener.submitted(invocation, duplicate));
    }

    @Override
    public void attemptStarted(Invocation invocation, int attempt, Duration waited) {
        listeners.forEach(listener -> listener.attemptStarted(invocation, attempt, waited));
    }

    @Override
    public void attemptFinished(Invocation invocation, int attempt, InvocationResult result, RetryDecision decision) {
        listeners.forEach(listener -> listener.attemptFinished(invocation, attempt, result, decision));
    }

    @Override
    public void attemptAbandoned(Invocation invocation, int attempt) {
        listeners.forEach(listener -> listener.attemptAbandoned(invocation, attempt));
    }

    @Override
    public void callCancelled(Invocation invocation, int attempt) {
        listeners.forEach(listener -> listener.callCancelled(invocation, attempt));
    }

    @Override
    public void callFinished(Invocation invocation, int attempts, int status, RetryDecision.Outcome outcome) {
        listeners.forEach(listener -> listener.callFinished(invocation, attempts, status, outcome));
    }

    @Override
    public void callbackFailed(Invocation invocation, String reason) {
        listeners.forEach(listener -> listener.callbackFailed(invocation, reason));
    }
}
