package io.invoq.adapter.http;

import io.invoq.domain.QueueName;
import io.invoq.ports.in.PurgeQueueUseCase;
import io.invoq.ports.in.QueueStatusQuery;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;

/** {@code /system/queues}: what each queue holds, and purging one. */
final class QueueRoutes implements ApiRoutes {

    private static final String QUEUE_PARAMETER = "queue";
    private static final String QUEUES = "/system/queues";
    /** The route of one queue, whose {@link #queue} routes below it read. */
    static final String QUEUE = QUEUES + "/{" + QUEUE_PARAMETER + "}";

    private final QueueStatusQuery status;
    private final PurgeQueueUseCase purging;

    QueueRoutes(QueueStatusQuery status, PurgeQueueUseCase purging) {
        this.status = Objects.requireNonNull(status, "status");
        this.purging = Objects.requireNonNull(purging, "purging");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(QUEUES, ctx -> JsonBody.write(ctx, 200, status.all().stream().map(QueueJson::of).toList()));
        routes.get(QUEUE, ctx -> JsonBody.write(ctx, 200, QueueJson.of(status.of(queue(ctx)))));
        routes.delete(QUEUE + "/messages", ctx -> {
            QueueName queue = queue(ctx);
            JsonBody.write(ctx, 200, new Purged(queue.value(), purging.purge(queue)));
        });
    }

    /** The answer to a purge. */
    record Purged(String queue, long purged) {
    }

    /** @throws BadRequestException when the path names no valid queue */
    static QueueName queue(Context ctx) {
        return PathParameter.read(ctx, QUEUE_PARAMETER, QueueName::new);
    }
}
