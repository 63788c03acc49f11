package io.invoq.adapter.http;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/** The gateway as the app wires it, listening on a free loopback port, with doubles behind it. */
final class RunningGateway implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static final GatewaySettings DEFAULTS_ON_A_FREE_PORT =
            new GatewaySettings(0, GatewaySettings.DEFAULT_MAX_REQUEST_BYTES, GatewaySettings.DEFAULT_MAX_DELAY);

    final UseCaseDoubles useCases = new UseCaseDoubles();
    private final HttpGateway gateway;

    RunningGateway(GatewaySettings settings, Module... moreBindings) {
        this(settings, SecuritySettings.DEFAULT, moreBindings);
    }

    RunningGateway(GatewaySettings settings, SecuritySettings security, Module... moreBindings) {
        gateway = Guice.createInjector(new HttpAdapterModule(settings, ClientSettings.DEFAULT, security), useCases,
                        Modules.combine(moreBindings))
                .getInstance(HttpGateway.class);
        gateway.start();
    }

    static RunningGateway withDefaults() {
        return new RunningGateway(DEFAULTS_ON_A_FREE_PORT);
    }

    int port() {
        return gateway.port();
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
    }
}
