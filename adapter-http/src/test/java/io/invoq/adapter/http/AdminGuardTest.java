package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminGuardTest {

    private final RunningGateway gateway = RunningGateway.withDefaults();

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /system/functions",
        "POST, /system/functions",
        "DELETE, /system/functions/echo",
        "GET, /system/calls/call-1",
        "DELETE, /system/queues/faas-request/messages",
        "POST, /system/queues/faas-request/dead-letters/call-1/replay",
        "DELETE, /async-function/call-1",
    })
    void a_request_invoq_sent_is_refused_on_every_admin_route_with_403(String method, String path) {
        var refused = gateway.send(request(method, path).header(HopCount.HEADER, "1"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("admin routes");
        assertThat(gateway.useCases.functions.list()).isEmpty();
    }

    @Test
    void the_same_requests_from_outside_are_served_and_invoqs_own_submissions_too() {
        assertThat(gateway.send(request("GET", "/system/functions")).statusCode()).isEqualTo(200);
        assertThat(gateway.send(request("POST", "/async-function/echo").header(HopCount.HEADER, "1")).statusCode())
                .isEqualTo(202);
    }

    private HttpRequest.Builder request(String method, String path) {
        return gateway.request(path).method(method, BodyPublishers.ofString(
                method.equals("POST") ? "{\"name\":\"pwned\",\"url\":\"http://127.0.0.1:9/\"}" : ""));
    }
}
