package io.invoq.adapter.http;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.domain.FunctionNamespace;
import io.invoq.ports.in.FindFunctionsQuery;
import io.invoq.ports.in.RegisterFunctionUseCase;
import io.invoq.ports.in.RemoveFunctionUseCase;
import io.invoq.ports.in.UnknownFunctionException;
import io.invoq.ports.out.FunctionInvocationCounts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Objects;

/**
 * {@code /system/functions}: list, read, register, replace and remove functions, in invoq's JSON and
 * in OpenFaaS's ({@code FunctionDeployment} on {@code POST} and {@code PUT} of the collection,
 * {@code {"functionName"}} on its {@code DELETE}, {@code FunctionStatus} at
 * {@code /system/function/{name}}). A function is addressed by its name or {@code <name>.<namespace>};
 * every route takes {@code ?namespace=}, which must be invoq's.
 */
final class FunctionRoutes implements ApiRoutes {

    static final String FUNCTIONS = "/system/functions";
    static final String FUNCTION = FUNCTIONS + "/{" + FunctionNameParameter.NAME + "}";
    static final String OPENFAAS_FUNCTION = "/system/function/{" + FunctionNameParameter.NAME + "}";
    private static final String NAMESPACE = "namespace";

    private record DeleteFunctionRequest(String functionName, String namespace) {
    }

    private final FindFunctionsQuery functions;
    private final RegisterFunctionUseCase registration;
    private final RemoveFunctionUseCase removal;
    private final FunctionInvocationCounts invocations;
    private final BodyLimit bodyLimit;

    FunctionRoutes(FindFunctionsQuery functions, RegisterFunctionUseCase registration, RemoveFunctionUseCase removal,
            FunctionInvocationCounts invocations, BodyLimit bodyLimit) {
        this.functions = Objects.requireNonNull(functions, "functions");
        this.registration = Objects.requireNonNull(registration, "registration");
        this.removal = Objects.requireNonNull(removal, "removal");
        this.invocations = Objects.requireNonNull(invocations, "invocations");
        this.bodyLimit = Objects.requireNonNull(bodyLimit, "bodyLimit");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(FUNCTIONS, ctx -> {
            requireServedNamespace(ctx, ctx.queryParam(NAMESPACE));
            JsonBody.write(ctx, 200, functions.list().stream().map(this::shown).toList());
        });
        routes.post(FUNCTIONS, ctx -> register(ctx, requestedFunction(ctx).toDefinition(namespace(), registration::upstreamUrl)));
        routes.put(FUNCTIONS, this::update);
        routes.delete(FUNCTIONS, this::removeDeployment);
        routes.get(FUNCTION, ctx -> JsonBody.write(ctx, 200, shown(find(addressed(ctx)))));
        routes.get(OPENFAAS_FUNCTION, ctx -> JsonBody.write(ctx, 200, shown(find(addressed(ctx)))));
        routes.put(FUNCTION, ctx -> register(ctx, requestedFunction(ctx).named(plain(addressed(ctx)))
                .toDefinition(namespace(), registration::upstreamUrl)));
        routes.delete(FUNCTION, ctx -> {
            remove(addressed(ctx));
            ctx.status(204);
        });
    }

    private void register(Context ctx, FunctionDefinition function) throws IOException {
        boolean added = registration.register(function);
        JsonBody.write(ctx, added ? 201 : 200, shown(function));
    }

    /** OpenFaaS's update: of a function that is registered, else 404 (faas-cli then creates it with a POST). */
    private void update(Context ctx) throws IOException {
        FunctionDefinition function = requestedFunction(ctx).toDefinition(namespace(), registration::upstreamUrl);
        find(function.name());
        registration.register(function);
        JsonBody.write(ctx, 200, shown(function));
    }

    /** OpenFaaS's remove, answered 200 as faas-cli expects. */
    private void removeDeployment(Context ctx) throws IOException {
        DeleteFunctionRequest request = JsonBody.read(bodyLimit.read(ctx), DeleteFunctionRequest.class);
        if (request.functionName() == null) {
            throw new BadRequestException("name the function to remove: {\"functionName\": \"...\"}");
        }
        requireServedNamespace(ctx, request.namespace());
        remove(BadRequestException.whenInvalid("functionName '" + request.functionName() + "'",
                () -> new FunctionName(request.functionName())));
        ctx.status(200);
    }

    private void remove(FunctionName name) {
        if (!removal.remove(name)) {
            throw new UnknownFunctionException(name);
        }
    }

    private FunctionName addressed(Context ctx) {
        requireServedNamespace(ctx, ctx.queryParam(NAMESPACE));
        return FunctionNameParameter.of(ctx);
    }

    private FunctionName plain(FunctionName name) {
        return namespace().withoutSuffix(name).orElse(name);
    }

    private void requireServedNamespace(Context ctx, String asked) {
        if (asked != null && !asked.isEmpty() && !asked.equals(namespace().value())) {
            throw new NotFoundException("namespace '" + asked + "' is not served: invoq's functions are in '"
                    + namespace() + "'");
        }
    }

    private FunctionDefinition find(FunctionName name) {
        return functions.find(name).orElseThrow(() -> new UnknownFunctionException(name));
    }

    private FunctionJson shown(FunctionDefinition function) {
        return FunctionJson.of(function, namespace(), invocations.invocations(function.name()));
    }

    private FunctionNamespace namespace() {
        return functions.namespace();
    }

    private FunctionRequest requestedFunction(Context ctx) throws IOException {
        return JsonBody.read(bodyLimit.read(ctx), FunctionRequest.class);
    }
}
