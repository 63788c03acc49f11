package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class GatewayRoutesTest {

    @Test
    void routes_contributed_by_another_module_are_served_beside_the_built_in_ones() {
        AbstractModule metrics = new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), GatewayRoutes.class).addBinding()
                        .toInstance(routes -> routes.get("/metrics", ctx -> ctx.result("invoq_up 1")));
            }
        };
        try (RunningGateway gateway = new RunningGateway(RunningGateway.DEFAULTS_ON_A_FREE_PORT, metrics)) {
            HttpResponse<String> response = gateway.send(gateway.request("/metrics").GET());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("invoq_up 1");
            assertThat(gateway.send(gateway.request("/healthz").GET()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void an_unknown_path_is_answered_404() {
        try (RunningGateway gateway = RunningGateway.withDefaults()) {
            assertThat(gateway.send(gateway.request("/nowhere").GET()).statusCode()).isEqualTo(404);
        }
    }
}
