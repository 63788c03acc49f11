package io.invoq.adapter.http;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.ports.in.FindFunctionsQuery;
import io.invoq.ports.in.RegisterFunctionUseCase;
import io.invoq.ports.in.RemoveFunctionUseCase;
import io.invoq.ports.in.UnknownFunctionException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Objects;

/** {@code /system/functions}: list, read, register, replace and remove functions. */
final class FunctionRoutes implements ApiRoutes {

    private static final String FUNCTIONS = "/system/functions";
    private static final String FUNCTION = FUNCTIONS + "/{" + FunctionNameParameter.NAME + "}";

    private final FindFunctionsQuery functions;
    private final RegisterFunctionUseCase registration;
    private final RemoveFunctionUseCase removal;
    private final BodyLimit bodyLimit;

    FunctionRoutes(FindFunctionsQuery functions, RegisterFunctionUseCase registration, RemoveFunctionUseCase removal,
            BodyLimit bodyLimit) {
        this.functions = Objects.requireNonNull(functions, "functions");
        this.registration = Objects.requireNonNull(registration, "registration");
        this.removal = Objects.requireNonNull(removal, "removal");
        this.bodyLimit = Objects.requireNonNull(bodyLimit, "bodyLimit");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(FUNCTIONS, ctx -> JsonBody.write(ctx, 200, functions.list().stream().map(FunctionJson::of).toList()));
        routes.post(FUNCTIONS, ctx -> register(ctx, requestedFunction(ctx)));
        routes.get(FUNCTION, ctx -> JsonBody.write(ctx, 200, FunctionJson.of(find(FunctionNameParameter.of(ctx)))));
        routes.put(FUNCTION, ctx -> register(ctx, requestedFunction(ctx).named(FunctionNameParameter.of(ctx))));
        routes.delete(FUNCTION, this::remove);
    }

    private void register(Context ctx, FunctionJson requested) throws IOException {
        FunctionDefinition function = requested.toDefinition();
        boolean added = registration.register(function);
        JsonBody.write(ctx, added ? 201 : 200, FunctionJson.of(function));
    }

    private void remove(Context ctx) {
        FunctionName name = FunctionNameParameter.of(ctx);
        if (!removal.remove(name)) {
            throw new UnknownFunctionException(name);
        }
        ctx.status(204);
    }

    private FunctionDefinition find(FunctionName name) {
        return functions.find(name).orElseThrow(() -> new UnknownFunctionException(name));
    }

    private FunctionJson requestedFunction(Context ctx) throws IOException {
        return JsonBody.read(bodyLimit.read(ctx), FunctionJson.class);
    }
}
