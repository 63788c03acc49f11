package io.invoq.adapter.http;

import io.javalin.config.RoutesConfig;

/**
 * A group of endpoints served by the {@link HttpGateway}. Contribute more with
 * {@code Multibinder.newSetBinder(binder(), GatewayRoutes.class).addBinding().to(...)}
 * or a {@code @ProvidesIntoSet} method.
 */
@FunctionalInterface
public interface GatewayRoutes {

    void addTo(RoutesConfig routes);
}
