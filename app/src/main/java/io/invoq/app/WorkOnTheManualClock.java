package io.invoq.app;

import io.invoq.adapter.inmemory.ManualTimeSource;
import io.invoq.application.CallbackDispatcher;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.InvocationQueue;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tells a manual clock that the worker is at work: while it holds a call that does not merely wait
 * for its callback's back-off (running its function, being called back, about to start), the clock
 * has work due now, so that whoever moves it lets that work finish first.
 */
final class WorkOnTheManualClock implements Supplier<Optional<Instant>> {

    private final ManualTimeSource clock;
    private final InvocationQueue queue;
    private final QueueName consumed;
    private final CallbackDispatcher callbacks;

    private WorkOnTheManualClock(ManualTimeSource clock, InvocationQueue queue, QueueName consumed,
                                 CallbackDispatcher callbacks) {
        this.clock = clock;
        this.queue = queue;
        this.consumed = consumed;
        this.callbacks = callbacks;
    }

    static WorkOnTheManualClock register(ManualTimeSource clock, InvocationQueue queue, QueueName consumed,
                                         CallbackDispatcher callbacks) {
        WorkOnTheManualClock work = new WorkOnTheManualClock(clock, queue, consumed, callbacks);
        clock.addDueTimes(work);
        return work;
    }

    @Override
    public Optional<Instant> get() {
        // a held call is counted by the broker from its fetch to its settlement, so none slips between
        boolean atWork = queue.isAvailable() && queue.stats(consumed).inFlight() > callbacks.awaitingRetry();
        return atWork ? Optional.of(clock.now()) : Optional.empty();
    }

    void unregister() {
        clock.removeDueTimes(this);
    }
}
