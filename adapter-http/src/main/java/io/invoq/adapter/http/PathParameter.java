package io.invoq.adapter.http;

import io.javalin.http.Context;
import java.util.function.Function;

/** Path parameters read into value types; one the type refuses is a 400. */
final class PathParameter {

    private PathParameter() {
    }

    /** @throws BadRequestException when {@code type} refuses the parameter's value */
    static <T> T read(Context ctx, String name, Function<String, T> type) {
        String value = ctx.pathParam(name);
        return BadRequestException.whenInvalid("'" + value + "'", () -> type.apply(value));
    }
}
