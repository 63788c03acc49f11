package io.invoq.adapter.http;

import io.invoq.domain.InvocationResult;
import io.invoq.ports.in.InvokeFunctionCommand;
import io.invoq.ports.in.InvokeFunctionUseCase;
import io.invoq.ports.in.UnknownFunctionException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers every synchronous call with the result it was told to, except for unknown functions, and remembers the calls. */
final class RecordingInvocations implements InvokeFunctionUseCase {

    static final String UNKNOWN = "nope";

    private final List<InvokeFunctionCommand> commands = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<InvocationResult> answer = new CompletableFuture<>();

    void answerWith(InvocationResult result) {
        this.answer = CompletableFuture.completedFuture(result);
    }

    /** Every call waits for {@code result}, as for a function that takes its time. */
    void answerWhenDone(CompletableFuture<InvocationResult> result) {
        this.answer = result;
    }

    @Override
    public CompletableFuture<InvocationResult> invoke(InvokeFunctionCommand command) {
        if (command.function().value().equals(UNKNOWN)) {
            throw new UnknownFunctionException(command.function());
        }
        commands.add(command);
        return answer;
    }

    InvokeFunctionCommand onlyCommand() {
        if (commands.size() != 1) {
            throw new AssertionError("expected one call, got " + commands);
        }
        return commands.get(0);
    }

    List<InvokeFunctionCommand> commands() {
        return List.copyOf(commands);
    }
}
