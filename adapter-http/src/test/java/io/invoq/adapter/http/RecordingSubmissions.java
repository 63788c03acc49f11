package io.invoq.adapter.http;

import io.invoq.domain.CallId;
import io.invoq.ports.in.Submission;
import io.invoq.ports.in.SubmitInvocationCommand;
import io.invoq.ports.in.SubmitInvocationUseCase;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accepts every submission, or refuses it the way it was told to, and remembers what it was given. */
final class RecordingSubmissions implements SubmitInvocationUseCase {

    static final Instant ACCEPTED_AT = Instant.parse("2030-01-02T03:04:05.123456789Z");

    private final List<SubmitInvocationCommand> commands = new CopyOnWriteArrayList<>();
    private volatile RuntimeException refusal;
    private volatile boolean duplicates;

    @Override
    public Submission submit(SubmitInvocationCommand command) {
        commands.add(command);
        if (refusal != null) {
            throw refusal;
        }
        return new Submission(command.callId().orElse(new CallId("generated-id")), ACCEPTED_AT, duplicates);
    }

    void refuseWith(RuntimeException refusal) {
        this.refusal = refusal;
    }

    void treatAsDuplicates() {
        this.duplicates = true;
    }

    List<SubmitInvocationCommand> commands() {
        return List.copyOf(commands);
    }

    SubmitInvocationCommand onlyCommand() {
        if (commands.size() != 1) {
            throw new AssertionError("expected one submission, got " + commands);
        }
        return commands.get(0);
    }
}
