package io.invoq.adapter.http;

import io.invoq.domain.FunctionNamespace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What OpenFaaS clients ask the gateway about itself: {@code /system/info} (OpenFaaS's
 * {@code GatewayInfo}, with invoq's version), {@code /system/namespaces} and
 * {@code /system/namespace/{namespace}}; and, answered {@code 501} with the reason, what an OpenFaaS
 * provider does that invoq deliberately does not: containers' logs, scaling, secrets, namespaces of
 * one's own.
 */
final class SystemRoutes implements ApiRoutes {

    static final String NOT_IMPLEMENTED_REASON = "invoq queues and invokes functions that run elsewhere; ";
    private static final String PROVIDER = "invoq";
    private static final String NAMESPACE = "namespace";

    private final FunctionNamespace namespace;
    private final InvoqVersion version;

    SystemRoutes(FunctionNamespace namespace, InvoqVersion version) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.version = Objects.requireNonNull(version, "version");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        Map<String, String> release = Map.of("release", version.release(), "sha", version.sha());
        routes.get("/system/info", ctx -> JsonBody.write(ctx, 200, Map.of(
                "provider", Map.of("provider", PROVIDER, "orchestration", PROVIDER, "version", release),
                "version", release,
                "arch", System.getProperty("os.arch"))));
        routes.get("/system/namespaces", ctx -> JsonBody.write(ctx, 200, List.of(namespace.value())));
        String oneNamespace = "/system/namespace/{" + NAMESPACE + "}";
        routes.get(oneNamespace, ctx -> {
            if (!namespace.value().equals(ctx.pathParam(NAMESPACE))) {
                throw new NotFoundException("namespace '" + ctx.pathParam(NAMESPACE) + "' is not served: invoq's "
                        + "functions are in '" + namespace + "'");
            }
            JsonBody.write(ctx, 200, Map.of("name", namespace.value()));
        });
        String namespaces = "namespaces: invoq's functions are all in '" + namespace + "' (function_namespace)";
        routes.post("/system/namespace/", ctx -> notImplemented(ctx, namespaces));
        routes.put(oneNamespace, ctx -> notImplemented(ctx, namespaces));
        routes.delete(oneNamespace, ctx -> notImplemented(ctx, namespaces));
        routes.get("/system/logs", ctx -> notImplemented(ctx, "logs: read them where the function runs"));
        routes.post("/system/scale-function/{" + FunctionNameParameter.NAME + "}",
                ctx -> notImplemented(ctx, "scaling: scale the function where it runs; com.invoq.max_concurrency "
                        + "bounds how many calls it gets at once"));
        String secrets = "secrets: give them to the function where it runs";
        routes.get("/system/secrets", ctx -> notImplemented(ctx, secrets));
        routes.post("/system/secrets", ctx -> notImplemented(ctx, secrets));
        routes.put("/system/secrets", ctx -> notImplemented(ctx, secrets));
        routes.delete("/system/secrets", ctx -> notImplemented(ctx, secrets));
    }

    private static void notImplemented(Context ctx, String what) {
        ctx.status(501).contentType(ContentType.TEXT_PLAIN).result(NOT_IMPLEMENTED_REASON + "it does not manage " + what);
    }
}
