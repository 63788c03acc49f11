package io.invoq.adapter.http;

import io.javalin.Javalin;
import java.util.Collection;
import java.util.List;

/** The gateway on Javalin (Jetty): serves every contributed route group behind the shared error responses. */
final class JavalinGateway implements HttpGateway {

    private final Javalin javalin;
    private final int port;

    JavalinGateway(int port, Collection<GatewayRoutes> routeGroups) {
        List<GatewayRoutes> groups = List.copyOf(routeGroups);
        this.port = port;
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            ErrorResponses.addTo(config.routes);
            groups.forEach(group -> group.addTo(config.routes));
        });
    }

    @Override
    public void start() {
        javalin.start(port);
    }

    @Override
    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
