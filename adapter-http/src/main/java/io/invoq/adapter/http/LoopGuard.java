package io.invoq.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Collections;

/**
 * Refuses a submission or a synchronous call that arrives after more than {@code maxHops} requests
 * invoq sent one after the other ({@code 508 Loop Detected}): a function or callback that leads back
 * to invoq, itself included, ends there instead of recurring without end.
 */
final class LoopGuard implements GatewayRoutes {

    static final int LOOP_DETECTED = 508;

    private final int maxHops;

    LoopGuard(int maxHops) {
        this.maxHops = maxHops;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before("/async-function/*", this::check);
        routes.before("/function/*", this::check);
    }

    private void check(Context ctx) {
        int hops = BadRequestException.whenInvalid(HopCount.HEADER,
                () -> HopCount.of(Collections.list(ctx.req().getHeaders(HopCount.HEADER))));
        if (hops > maxHops) {
            throw new RefusedException(LOOP_DETECTED, "refused: this request went through invoq " + hops
                    + " times (max_hops " + maxHops + "); a function or callback leads back to invoq");
        }
    }
}
