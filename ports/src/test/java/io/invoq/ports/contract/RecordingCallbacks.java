package io.invoq.ports.contract;

import io.invoq.domain.CallId;
import io.invoq.ports.out.Callback;
import io.invoq.ports.out.CallbackSender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A callback receiver that records every attempt to reach it and can be told to fail the next ones,
 * or to hold its answers back until the test lets them go.
 */
final class RecordingCallbacks implements CallbackSender {

    private static final int OK = 200;
    private static final int UNAVAILABLE = 503;

    private final Supplier<Instant> clock;
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<CompletableFuture<Integer>> heldAnswers = new ArrayList<>();
    private int failuresLeft;
    private boolean holdingAnswers;

    /** @param clock the worker's clock, which its callback back-off follows */
    RecordingCallbacks(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** The next {@code times} callbacks, whichever calls they are for, are answered 503. */
    synchronized void failNext(int times) {
        failuresLeft = times;
    }

    /** From now on, callbacks are received but not answered until {@link #answerHeld()}. */
    synchronized void holdAnswers() {
        holdingAnswers = true;
    }

    /** Answers the held callbacks 200, and every later one at once. */
    void answerHeld() {
        List<CompletableFuture<Integer>> answers;
        synchronized (this) {
            holdingAnswers = false;
            answers = List.copyOf(heldAnswers);
            heldAnswers.clear();
        }
        answers.forEach(answer -> answer.complete(OK));
    }

    synchronized int heldAnswers() {
        return heldAnswers.size();
    }

    @Override
    public synchronized CompletableFuture<Integer> send(Callback callback) {
        boolean fails = failuresLeft > 0;
        if (fails) {
            failuresLeft--;
        }
        attempts.add(new Attempt(callback, clock.get(), !fails));
        if (holdingAnswers && !fails) {
            CompletableFuture<Integer> answer = new CompletableFuture<>();
            heldAnswers.add(answer);
            return answer;
        }
        return CompletableFuture.completedFuture(fails ? UNAVAILABLE : OK);
    }

    synchronized List<Attempt> attemptsFor(CallId call) {
        return attempts.stream().filter(attempt -> attempt.isFor(call)).toList();
    }

    /** The callbacks of the call that were received. */
    List<Callback> receivedFor(CallId call) {
        return attemptsFor(call).stream().filter(Attempt::received).map(Attempt::callback).toList();
    }

    /** @param sentAt by the worker's clock */
    record Attempt(Callback callback, Instant sentAt, boolean received) {
        boolean isFor(CallId call) {
            return callback.headers().first("X-Call-Id").equals(Optional.of(call.value()));
        }
    }
}
