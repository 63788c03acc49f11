package io.invoq.adapter.http;

import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import io.invoq.domain.InvocationResult;
import io.invoq.ports.in.InvokeFunctionCommand;
import io.invoq.ports.in.InvokeFunctionUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET|POST|PUT|PATCH|DELETE /function/{name}[/{path...}]}: call the function now, passing on
 * the method, path suffix, query, headers and body, and answer what it answered. The request waits
 * for the function without holding a thread.
 */
final class ProxyRoutes implements ApiRoutes {

    private static final String PREFIX = "/function/";

    private final InvokeFunctionUseCase invoking;
    private final BodyLimit bodyLimit;
    private final InflightLimit inflight;
    private final InvocationReport report;

    ProxyRoutes(InvokeFunctionUseCase invoking, BodyLimit bodyLimit, InflightLimit inflight, InvocationReport report) {
        this.invoking = Objects.requireNonNull(invoking, "invoking");
        this.bodyLimit = Objects.requireNonNull(bodyLimit, "bodyLimit");
        this.inflight = Objects.requireNonNull(inflight, "inflight");
        this.report = Objects.requireNonNull(report, "report");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        String function = PREFIX + "{" + FunctionNameParameter.NAME + "}";
        for (String path : List.of(function, function + "/<path>")) {
            routes.get(path, this::invoke);
            routes.post(path, this::invoke);
            routes.put(path, this::invoke);
            routes.patch(path, this::invoke);
            routes.delete(path, this::invoke);
        }
    }

    private void invoke(Context ctx) throws IOException {
        inflight.acquire();
        CompletableFuture<InvocationResult> answer;
        try {
            answer = invokeHeld(ctx);
        } catch (IOException | RuntimeException e) {
            inflight.release();
            throw e;
        }
        answer.whenComplete((result, failure) -> inflight.release());
    }

    private CompletableFuture<InvocationResult> invokeHeld(Context ctx) throws IOException {
        FunctionName function = FunctionNameParameter.of(ctx);
        Headers headers = ForwardedRequest.headers(ctx.req());
        Optional<CallId> callId = new SubmissionHeaders(headers).callId();
        byte[] body = bodyLimit.read(ctx);
        CompletableFuture<InvocationResult> answer = invoking.invoke(new InvokeFunctionCommand(function,
                ctx.method().name(), ForwardedRequest.pathSuffix(ctx.req().getRequestURI(), PREFIX),
                Objects.requireNonNullElse(ctx.queryString(), ""), headers, body, callId));
        ctx.future(() -> answer.thenAccept(result -> {
            report.invoked(function, result.status(), result.duration());
            FunctionAnswer.write(ctx, function, result);
        }));
        return answer;
    }
}
