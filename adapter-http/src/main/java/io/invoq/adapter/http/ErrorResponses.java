package io.invoq.adapter.http;

import io.invoq.ports.in.FunctionNotCallableException;
import io.invoq.ports.in.ReplayTooSoonException;
import io.invoq.ports.in.UnknownFunctionException;
import io.invoq.ports.out.DestinationRefusedException;
import io.invoq.ports.out.InvocationTooLargeException;
import io.invoq.ports.out.PublishOutcomeUnknownException;
import io.invoq.ports.out.QueueFullException;
import io.invoq.ports.out.QueueUnavailableException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How failures are answered: a status and a short plain-text reason, never a 500 for a broker outage. */
final class ErrorResponses {

    static final String RETRY_AFTER_SECONDS = "5";
    static final String UNKNOWN_OUTCOME = "unknown outcome: retry with the same X-Call-Id";
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    static void addTo(RoutesConfig routes) {
        routes.exception(BadRequestException.class, (e, ctx) -> reply(ctx, 400, e.getMessage()));
        routes.exception(DestinationRefusedException.class, (e, ctx) -> reply(ctx, 400, e.getMessage()));
        routes.exception(RefusedException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            reply(ctx, e.status(), e.getMessage());
        });
        routes.exception(PayloadTooLargeException.class, (e, ctx) -> reply(ctx, 413, e.getMessage()));
        routes.exception(InvocationTooLargeException.class, (e, ctx) -> reply(ctx, 413, e.getMessage()));
        routes.exception(UnknownFunctionException.class, (e, ctx) -> reply(ctx, 404, e.getMessage()));
        routes.exception(FunctionNotCallableException.class, (e, ctx) -> reply(ctx, 400, e.getMessage()));
        routes.exception(NotFoundException.class, (e, ctx) -> reply(ctx, 404, e.getMessage()));
        routes.exception(ReplayTooSoonException.class, (e, ctx) -> reply(ctx, 409, e.getMessage()));
        routes.exception(QueueFullException.class, (e, ctx) -> {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            reply(ctx, 429, "the queue is full, retry later");
        });
        routes.exception(PublishOutcomeUnknownException.class, (e, ctx) -> {
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", RETRY_AFTER_SECONDS).header(SubmissionHeaders.CALL_ID, e.callId().value());
            reply(ctx, 503, UNKNOWN_OUTCOME);
        });
        routes.exception(QueueUnavailableException.class, (e, ctx) -> {
            LOG.warn("{} {} refused: queue unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            reply(ctx, 503, "the queue is unavailable, retry later");
        });
        routes.error(405, ctx -> reply(ctx, 405, ctx.method() + " is not allowed on " + ctx.path()));
    }

    private static void reply(Context ctx, int status, String reason) {
        ctx.status(status).contentType(ContentType.TEXT_PLAIN).result(reason);
    }
}
