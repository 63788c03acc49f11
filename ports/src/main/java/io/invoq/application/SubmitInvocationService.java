package io.invoq.application;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.ports.in.FunctionNotCallableException;
import io.invoq.ports.in.Submission;
import io.invoq.ports.in.SubmitInvocationCommand;
import io.invoq.ports.in.SubmitInvocationUseCase;
import io.invoq.ports.in.UnknownFunctionException;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.DestinationPolicy;
import io.invoq.ports.out.InvocationEvents;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.PublishReceipt;
import io.invoq.ports.out.QueueUnavailableException;
import io.invoq.ports.out.TimeSource;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a submission into a durably queued invocation on the function's queue. A submission that is
 * the callback of a call (a chain: {@code X-Callback-Url} naming {@code /async-function/<next>},
 * the next function possibly the same one) carries that call's id, which the broker would take as a
 * duplicate were it the call's own: it gets the id {@link CallId#chainedTo derived} from it, the same
 * for each retry of the callback, and the function sees the original as {@value #PARENT_CALL_ID}.
 */
public final class SubmitInvocationService implements SubmitInvocationUseCase {

    public static final String PARENT_CALL_ID = "X-Parent-Call-Id";

    private final FunctionDirectory functions;
    private final InvocationQueue queue;
    private final QueueName defaultQueue;
    private final TimeSource time;
    private final InvocationEvents events;
    private final DrainSwitch drain;
    private final CallHistory history;
    private final DestinationPolicy destinations;

    public SubmitInvocationService(FunctionDirectory functions, InvocationQueue queue, QueueName defaultQueue,
                                   TimeSource time, InvocationEvents events, DrainSwitch drain, CallLedger ledger,
                                   DestinationPolicy destinations) {
        this.functions = functions;
        this.queue = queue;
        this.defaultQueue = defaultQueue;
        this.time = time;
        this.events = events;
        this.drain = drain;
        this.history = new CallHistory(ledger);
        this.destinations = destinations;
    }

    @Override
    public Submission submit(SubmitInvocationCommand command) {
        if (drain.isDraining()) {
            throw new QueueUnavailableException("shutting down: not accepting new calls");
        }
        FunctionDefinition function = functions.resolve(command.function())
                .orElseThrow(() -> new UnknownFunctionException(command.function()));
        command.callbackUrl().ifPresent(destinations::checkCallback);
        Instant acceptedAt = time.now();
        Optional<CallId> parent = command.callId().filter(given -> command.callbackOf().isPresent());
        Invocation invocation = new Invocation(
                parent.map(id -> id.chainedTo(function.name())).or(command::callId).orElseGet(CallId::generate),
                function.name(),
                queueOf(function),
                command.method(),
                command.path(),
                command.query(),
                parent.map(id -> command.headers().with(PARENT_CALL_ID, id.value())).orElse(command.headers()),
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

    private QueueName queueOf(FunctionDefinition function) {
        try {
            return function.queue(defaultQueue);
        } catch (IllegalArgumentException e) {
            throw new FunctionNotCallableException(function.name(), "its " + FunctionDefinition.QUEUE_ANNOTATION
                    + " annotation names no valid queue (" + e.getMessage() + ")");
        }
    }
}
