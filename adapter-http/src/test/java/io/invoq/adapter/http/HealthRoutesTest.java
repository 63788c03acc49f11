package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.ports.in.ReadinessQuery.Readiness;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {

    private final RunningGateway gateway = RunningGateway.withDefaults();

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void a_live_gateway_answers_healthz_with_200() {
        HttpResponse<String> response = gateway.send(gateway.request("/healthz").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void a_ready_process_answers_readyz_with_200() {
        HttpResponse<String> response = gateway.send(gateway.request("/readyz").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ready\":true,\"reason\":\"ready\"}");
    }

    @Test
    void a_process_that_is_not_ready_answers_readyz_with_503_and_the_reason() {
        gateway.useCases.readiness.set(Readiness.notReady("broker disconnected"));

        HttpResponse<String> response = gateway.send(gateway.request("/readyz").GET());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"ready\":false,\"reason\":\"broker disconnected\"}");
    }
}
