package io.invoq.adapter.http;

import io.invoq.domain.CallId;
import io.invoq.domain.EpochNanos;
import io.invoq.domain.QueueName;
import io.invoq.ports.in.DeadLetterQuery;
import io.invoq.ports.in.ReplayDeadLetterUseCase;
import io.invoq.ports.in.Submission;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /system/queues/{queue}/dead-letters[?limit=n]}: the calls of the queue that ended
 * without success, oldest first; {@code POST .../dead-letters/{id}/replay}: queue one again, answered
 * {@code 202} like a submission.
 */
final class DeadLetterRoutes implements ApiRoutes {

    static final int DEFAULT_LIMIT = 100;
    static final int MOST = 1000;
    private static final String CALL_ID = "callId";
    private static final String DEAD_LETTERS = QueueRoutes.QUEUE + "/dead-letters";

    private final DeadLetterQuery deadLetters;
    private final ReplayDeadLetterUseCase replaying;

    DeadLetterRoutes(DeadLetterQuery deadLetters, ReplayDeadLetterUseCase replaying) {
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.replaying = Objects.requireNonNull(replaying, "replaying");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(DEAD_LETTERS, this::list);
        routes.post(DEAD_LETTERS + "/{" + CALL_ID + "}/replay", this::replay);
    }

    private void list(Context ctx) throws IOException {
        QueueName queue = QueueRoutes.queue(ctx);
        JsonBody.write(ctx, 200, deadLetters.deadLetters(queue, limit(ctx)).stream().map(DeadLetterJson::of).toList());
    }

    private void replay(Context ctx) throws IOException {
        QueueName queue = QueueRoutes.queue(ctx);
        CallId call = PathParameter.read(ctx, CALL_ID, CallId::new);
        Submission replayed = replaying.replay(queue, call).orElseThrow(() ->
                new NotFoundException("call '" + call + "' is not a dead letter of queue '" + queue + "'"));
        ctx.status(202)
                .header(SubmissionHeaders.CALL_ID, replayed.callId().value())
                .header(SubmissionHeaders.START_TIME, Long.toString(EpochNanos.of(replayed.acceptedAt())));
    }

    private static int limit(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("limit")).map(text -> BadRequestException.whenInvalid(
                "limit '" + text + "'", () -> {
                    int limit = Integer.parseInt(text);
                    if (limit < 1 || limit > MOST) {
                        throw new IllegalArgumentException("must be 1-" + MOST);
                    }
                    return limit;
                })).orElse(DEFAULT_LIMIT);
    }
}
