package io.invoq.application;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.ports.in.Submission;
import io.invoq.ports.in.SubmitInvocationCommand;
import io.invoq.ports.in.SubmitInvocationUseCase;
import io.invoq.ports.in.UnknownFunctionException;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.InvocationEvents;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.PublishReceipt;
import io.invoq.ports.out.QueueUnavailableException;
import io.invoq.ports.out.TimeSource;
import java.time.Instant;

/** Turns a submission into a durably queued invocation on the function's queue. */
public final class SubmitInvocationService implements SubmitInvocationUseCase {

    private final FunctionDirectory functions;
    private final InvocationQueue queue;
    private final QueueName defaultQueue;
    private final TimeSource time;
    private final InvocationEvents events;
    private final DrainSwitch drain;
    private final CallHistory history;

    public SubmitInvocationService(FunctionDirectory functions, InvocationQueue queue, QueueName defaultQueue,
                                   TimeSource time, InvocationEvents events, DrainSwitch drain, CallLedger ledger) {
        this.functions = functions;
        this.queue = queue;
        this.defaultQueue = defaultQueue;
        this.time = time;
        this.events = events;
        this.drain = drain;
        this.history = new CallHistory(ledger);
    }

    @Override
    public Submission submit(SubmitInvocationCommand command) {
        if (drain.isDraining()) {
            throw new QueueUnavailableException("shutting down: not accepting new calls");
        }
        FunctionDefinition function = functions.resolve(command.function())
                .orElseThrow(() -> new UnknownFunctionException(command.function()));
        Instant acceptedAt = time.now();
        Invocation invocation = new Invocation(
                command.callId().orElseGet(CallId::generate),
                function.name(),
                function.queue(defaultQueue),
                command.method(),
                command.path(),
                command.query(),
                command.headers(),
                command.body(),
                command.callbackUrl(),
                acceptedAt,
                command.start().map(start -> start.from(acceptedAt)).orElse(acceptedAt));
        PublishReceipt receipt = queue.publish(invocation);
        events.submitted(invocation, receipt.duplicate());
        if (!receipt.duplicate()) {
            history.record(invocation.callId(), CallChange.accepted(invocation));
        }
        return new Submission(invocation.callId(), acceptedAt, receipt.duplicate());
    }
}
