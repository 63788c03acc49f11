package io.invoq.adapter.http;

import io.invoq.domain.FunctionName;
import io.invoq.domain.InvocationResult;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * A function's answer to a synchronous call, passed back to the caller as it came; a function that
 * could not be reached is a {@code 502}, one that did not answer in time a {@code 504}.
 */
final class FunctionAnswer {

    private static final int BAD_GATEWAY = 502;
    private static final int GATEWAY_TIMEOUT = 504;

    private FunctionAnswer() {
    }

    static void write(Context ctx, FunctionName function, InvocationResult result) {
        switch (result.origin()) {
            case FUNCTION -> {
                ctx.status(result.status());
                result.headers().values().forEach((name, values) -> {
                    if (OutgoingHeaders.isForwarded(name)) {
                        ctx.res().setHeader(name, values.get(0));
                        values.stream().skip(1).forEach(value -> ctx.res().addHeader(name, value));
                    }
                });
                ctx.result(result.body());
            }
            case UNREACHABLE -> reply(ctx, BAD_GATEWAY, "function '" + function + "' could not be reached: "
                    + new String(result.body(), StandardCharsets.UTF_8));
            case TIMED_OUT -> reply(ctx, GATEWAY_TIMEOUT, "function '" + function + "' did not answer within "
                    + result.duration().toMillis() + " ms");
        }
    }

    private static void reply(Context ctx, int status, String reason) {
        ctx.status(status).contentType(ContentType.TEXT_PLAIN).result(reason);
    }
}
