package io.invoq.adapter.http;

import io.invoq.ports.out.GatewayRequestEvents;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.security.KeyStore;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The gateway on Javalin (Jetty): serves every contributed route group behind the shared error
 * responses, and reports every answered request by its route template.
 */
final class JavalinGateway implements HttpGateway {

    private final Javalin javalin;
    private final int port;

    /** @param maxConnections past so many open connections, Jetty accepts no more until one closes */
    JavalinGateway(int port, int maxConnections, TlsSettings tls, Collection<GatewayRoutes> routeGroups,
            GatewayRequestEvents events) {
        List<GatewayRoutes> groups = List.copyOf(routeGroups);
        this.port = port;
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.addBean(new NetworkConnectionLimit(maxConnections, server)));
            tls.keyStore().ifPresent(keyStore ->
                    config.jetty.addConnector((server, http) -> httpsConnector(server, http, port, keyStore, tls.password())));
            ErrorResponses.addTo(config.routes);
            groups.forEach(group -> group.addTo(config.routes));
            config.requestLogger.http((ctx, millis) -> events.requestHandled(
                    route(ctx), ctx.method().name(), ctx.statusCode(), Duration.ofNanos((long) (millis * 1_000_000))));
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
    public List<String> endpoints() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(handler -> handler.endpoint.method.name() + " " + handler.endpoint.path)
                .toList();
    }

    @Override
    public void close() {
        javalin.stop();
    }

    /** With a connector of its own, Javalin adds no plain HTTP one: the port serves HTTPS only. */
    private static ServerConnector httpsConnector(Server server, HttpConfiguration http, int port, KeyStore keyStore,
            String password) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(password);
        ssl.setKeyManagerPassword(password);
        HttpConfiguration https = new HttpConfiguration(http);
        // one certificate for whatever name or address callers use, as a proxy in front would not check either
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
        connector.setPort(port);
        return connector;
    }

    private static String route(Context ctx) {
        return Optional.ofNullable(ctx.endpoints().matchedHttpEndpoint())
                .map(endpoint -> endpoint.path)
                .orElse(GatewayRequestEvents.UNMATCHED);
    }
}
