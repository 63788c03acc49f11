package io.invoq.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.invoq.domain.FunctionName;
import io.invoq.domain.QueueName;
import io.invoq.ports.in.PauseQueueUseCase;
import io.invoq.ports.in.PurgeQueueUseCase;
import io.invoq.ports.in.QueueStatusQuery;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/** {@code /system/queues}: what each queue holds and how its calls start; purging, pausing and resuming one. */
final class QueueRoutes implements ApiRoutes {

    private static final String QUEUE_PARAMETER = "queue";
    private static final String QUEUES = "/system/queues";
    /** The route of one queue, whose {@link #queue} routes below it read. */
    static final String QUEUE = QUEUES + "/{" + QUEUE_PARAMETER + "}";

    private final QueueStatusQuery status;
    private static final String FUNCTION_PARAMETER = "name";
    private static final String FUNCTION = QUEUE + "/functions/{" + FUNCTION_PARAMETER + "}";

    private final PurgeQueueUseCase purging;
    private final PauseQueueUseCase pausing;

    QueueRoutes(QueueStatusQuery status, PurgeQueueUseCase purging, PauseQueueUseCase pausing) {
        this.status = Objects.requireNonNull(status, "status");
        this.purging = Objects.requireNonNull(purging, "purging");
        this.pausing = Objects.requireNonNull(pausing, "pausing");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(QUEUES, ctx -> JsonBody.write(ctx, 200, status.all().stream().map(QueueJson::of).toList()));
        routes.get(QUEUE, ctx -> JsonBody.write(ctx, 200, QueueJson.of(status.of(queue(ctx)))));
        routes.delete(QUEUE + "/messages", ctx -> {
            QueueName queue = queue(ctx);
            JsonBody.write(ctx, 200, new Purged(queue.value(), purging.purge(queue)));
        });
        routes.post(QUEUE + "/pause", ctx -> pause(ctx, Optional.empty(), true));
        routes.post(QUEUE + "/resume", ctx -> pause(ctx, Optional.empty(), false));
        routes.post(FUNCTION + "/pause", ctx -> pause(ctx, Optional.of(function(ctx)), true));
        routes.post(FUNCTION + "/resume", ctx -> pause(ctx, Optional.of(function(ctx)), false));
    }

    private void pause(Context ctx, Optional<FunctionName> function, boolean paused) throws JsonProcessingException {
        QueueName queue = queue(ctx);
        JsonBody.write(ctx, 200, QueueJson.of(pausing.setPaused(queue, function, paused)));
    }

    private static FunctionName function(Context ctx) {
        return PathParameter.read(ctx, FUNCTION_PARAMETER, FunctionName::new);
    }

    /** The answer to a purge. */
    record Purged(String queue, long purged) {
    }

    /** @throws BadRequestException when the path names no valid queue */
    static QueueName queue(Context ctx) {
        return PathParameter.read(ctx, QUEUE_PARAMETER, QueueName::new);
    }
}
