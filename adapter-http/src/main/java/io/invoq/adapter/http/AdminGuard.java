package io.invoq.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Refuses invoq's own requests, which carry {@value HopCount#HEADER}, on the admin routes
 * ({@code /system/...}, cancelling a call): a function URL or callback URL pointed at invoq, whatever
 * the network lets through, cannot register functions, purge queues, replay or cancel calls, or read
 * what the admin routes show.
 */
final class AdminGuard implements GatewayRoutes {

    static final int FORBIDDEN = 403;

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before("/system/*", AdminGuard::check);
        routes.before("/async-function/*", ctx -> {
            if (ctx.method() == HandlerType.DELETE) {
                check(ctx);
            }
        });
    }

    private static void check(Context ctx) {
        if (ctx.req().getHeader(HopCount.HEADER) != null) {
            throw new RefusedException(FORBIDDEN, "refused: a request invoq sent (" + HopCount.HEADER
                    + ", from a function or callback) may not use invoq's admin routes");
        }
    }
}
