package io.invoq.adapter.http;

import io.invoq.domain.EpochNanos;
import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import io.invoq.ports.in.Submission;
import io.invoq.ports.in.SubmitInvocationCommand;
import io.invoq.ports.in.SubmitInvocationCommand.DeferredStart;
import io.invoq.ports.in.SubmitInvocationUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code POST|PUT|PATCH /async-function/{name}[/{path...}]}: queue the request as an invocation, answer 202. */
final class SubmissionRoutes implements ApiRoutes {

    private static final String PREFIX = "/async-function/";

    private final SubmitInvocationUseCase submissions;
    private final BodyLimit bodyLimit;
    private final Duration maxDelay;
    private final InvocationReport report;

    SubmissionRoutes(SubmitInvocationUseCase submissions, BodyLimit bodyLimit, Duration maxDelay, InvocationReport report) {
        this.submissions = Objects.requireNonNull(submissions, "submissions");
        this.bodyLimit = Objects.requireNonNull(bodyLimit, "bodyLimit");
        this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
        this.report = Objects.requireNonNull(report, "report");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        String function = PREFIX + "{" + FunctionNameParameter.NAME + "}";
        for (String path : List.of(function, function + "/<path>")) {
            routes.post(path, this::submit);
            routes.put(path, this::submit);
            routes.patch(path, this::submit);
        }
    }

    private void submit(Context ctx) throws IOException {
        long started = System.nanoTime();
        FunctionName function = FunctionNameParameter.of(ctx);
        Headers headers = ForwardedRequest.headers(ctx.req());
        SubmissionHeaders steering = new SubmissionHeaders(headers);
        Optional<CallId> callId = steering.callId();
        Optional<URI> callbackUrl = steering.callbackUrl();
        Optional<DeferredStart> start = steering.start(maxDelay, Instant.now());
        byte[] body = bodyLimit.read(ctx);
        SubmitInvocationCommand command = BadRequestException.whenInvalid(SubmissionHeaders.CALLBACK_URL,
                () -> new SubmitInvocationCommand(function, ctx.method().name(),
                        ForwardedRequest.pathSuffix(ctx.req().getRequestURI(), PREFIX),
                        Objects.requireNonNullElse(ctx.queryString(), ""), headers, body, callId, callbackUrl, start,
                        steering.callbackOf()));
        Submission submission = submissions.submit(command);
        ctx.status(202)
                .header(SubmissionHeaders.CALL_ID, submission.callId().value())
                .header(SubmissionHeaders.START_TIME, Long.toString(EpochNanos.of(submission.acceptedAt())));
        report.invoked(function, 202, Duration.ofNanos(System.nanoTime() - started));
    }
}
