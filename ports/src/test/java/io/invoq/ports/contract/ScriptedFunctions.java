package io.invoq.ports.contract;

import io.invoq.domain.CallId;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.InvocationResult;
import io.invoq.ports.out.FunctionInvoker;
import io.invoq.ports.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Functions that answer from a script, one per function whose last answer repeats, and record every
 * invocation at the broker's time. A held answer leaves the call open, without blocking a thread,
 * until the test releases it; a call the worker cancels while it is open is recorded as aborted.
 */
final class ScriptedFunctions implements FunctionInvoker {

    private final TimeSource brokerClock;
    private final Map<FunctionName, List<ScriptedAnswer>> scripts = new HashMap<>();
    private final List<Invoked> invocations = new ArrayList<>();
    private final List<OpenCall> open = new ArrayList<>();
    private final List<CallId> aborted = new ArrayList<>();
    private int peakOpen;

    ScriptedFunctions(TimeSource brokerClock) {
        this.brokerClock = brokerClock;
    }

    /** From now on {@code function} gives these answers in turn, the last one again and again. */
    synchronized void answer(FunctionName function, ScriptedAnswer... answers) {
        scripts.put(function, new ArrayList<>(List.of(answers)));
    }

    @Override
    public synchronized CompletableFuture<InvocationResult> invoke(
            FunctionDefinition function, Invocation invocation, Duration timeout) {
        invocations.add(new Invoked(invocation.callId(), brokerClock.now()));
        ScriptedAnswer answer = nextAnswer(function.name());
        if (!answer.held()) {
            return CompletableFuture.completedFuture(answer.result());
        }
        OpenCall call = new OpenCall(invocation.callId(), answer, new CompletableFuture<>());
        open.add(call);
        peakOpen = Math.max(peakOpen, open.size());
        call.result().whenComplete((result, error) -> {
            if (error instanceof CancellationException) {
                aborted(call);
            }
        });
        return call.result();
    }

    /** The calls invoked so far, in the order they were invoked. */
    synchronized List<CallId> invokedCalls() {
        return invocations.stream().map(Invoked::callId).toList();
    }

    /** When, on the broker's clock, each attempt of the call was invoked. */
    synchronized List<Instant> invocationTimesOf(CallId call) {
        return invocations.stream().filter(invoked -> invoked.callId().equals(call)).map(Invoked::at).toList();
    }

    synchronized int openCalls() {
        return open.size();
    }

    /** The most calls that were ever open at once. */
    synchronized int peakOpenCalls() {
        return peakOpen;
    }

    synchronized List<CallId> abortedCalls() {
        return List.copyOf(aborted);
    }

    /** Lets the open call answer what it was scripted to. */
    void release(CallId call) {
        close(candidate -> candidate.callId().equals(call)).forEach(OpenCall::answer);
    }

    void releaseAll() {
        close(candidate -> true).forEach(OpenCall::answer);
    }

    private ScriptedAnswer nextAnswer(FunctionName function) {
        List<ScriptedAnswer> script = Objects.requireNonNull(scripts.get(function), () -> "no script for " + function);
        return script.size() > 1 ? script.remove(0) : script.get(0);
    }

    /**
     * Takes the calls off the open ones before they answer: the worker reacts to the answer on the
     * releasing thread, and may start the next call before the answer's other listeners run.
     */
    private synchronized List<OpenCall> close(Predicate<OpenCall> which) {
        List<OpenCall> closing = open.stream().filter(which).toList();
        open.removeAll(closing);
        return closing;
    }

    private synchronized void aborted(OpenCall call) {
        open.remove(call);
        aborted.add(call.callId());
    }

    private record Invoked(CallId callId, Instant at) {
    }

    private record OpenCall(CallId callId, ScriptedAnswer scripted, CompletableFuture<InvocationResult> result) {
        void answer() {
            result.complete(scripted.result());
        }
    }
}
