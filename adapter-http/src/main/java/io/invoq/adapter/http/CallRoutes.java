package io.invoq.adapter.http;

import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.domain.CallState;
import io.invoq.ports.in.CallStatusQuery;
import io.invoq.ports.in.CancelCallUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Objects;

/**
 * {@code GET /system/calls/{id}}: where a call stands; {@code DELETE /async-function/{id}}: cancel
 * it. A cancel answers the call's status: {@code 202} once it is cancelled (again, too: a cancel
 * is idempotent), {@code 409} when it had already ended otherwise.
 */
final class CallRoutes implements ApiRoutes {

    private static final String CALL_ID = "callId";

    private final CallStatusQuery status;
    private final CancelCallUseCase cancelling;

    CallRoutes(CallStatusQuery status, CancelCallUseCase cancelling) {
        this.status = Objects.requireNonNull(status, "status");
        this.cancelling = Objects.requireNonNull(cancelling, "cancelling");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/system/calls/{" + CALL_ID + "}", ctx -> {
            CallId call = callId(ctx);
            JsonBody.write(ctx, 200, CallJson.of(status.status(call).orElseThrow(() -> unknown(call))));
        });
        routes.delete("/async-function/{" + CALL_ID + "}", this::cancel);
    }

    private void cancel(Context ctx) throws IOException {
        CallId call = callId(ctx);
        CallRecord record = cancelling.cancel(call).orElseThrow(() -> unknown(call));
        JsonBody.write(ctx, record.state() == CallState.CANCELLED ? 202 : 409, CallJson.of(record));
    }

    private static NotFoundException unknown(CallId call) {
        return new NotFoundException("call '" + call + "' is not known");
    }

    private static CallId callId(Context ctx) {
        return PathParameter.read(ctx, CALL_ID, CallId::new);
    }
}
