package io.invoq.adapter.http;

import io.invoq.domain.FunctionName;
import io.javalin.http.Context;

/** The {@code {name}} path parameter of the routes that address one function. */
final class FunctionNameParameter {

    static final String NAME = "name";

    private FunctionNameParameter() {
    }

    /** @throws BadRequestException when it is not a valid function name */
    static FunctionName of(Context ctx) {
        return PathParameter.read(ctx, NAME, FunctionName::new);
    }
}
