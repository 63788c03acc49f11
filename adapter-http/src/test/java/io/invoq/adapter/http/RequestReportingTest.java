package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.invoq.adapter.http.RecordingRequests.Handled;
import io.invoq.ports.out.GatewayRequestEvents;
import io.invoq.ports.out.QueueUnavailableException;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestReportingTest {

    private final RunningGateway gateway = RunningGateway.withDefaults();
    private final RecordingRequests requests = gateway.useCases.requests;

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void a_submission_is_reported_by_its_route_template_method_and_status_never_by_its_raw_path() {
        gateway.send(gateway.request("/async-function/resize").POST(BodyPublishers.ofString("x")));
        gateway.send(gateway.request("/async-function/resize/orders/42?a=1").PUT(BodyPublishers.ofString("x")));

        List<Handled> handled = reportedRequests(2);

        assertThat(handled).extracting(Handled::route, Handled::method, Handled::status).containsExactlyInAnyOrder(
                tuple("/async-function/{name}", "POST", 202),
                tuple("/async-function/{name}/<path>", "PUT", 202));
        assertThat(handled).allSatisfy(request -> assertThat(request.took()).isPositive());
    }

    @Test
    void a_refused_request_is_reported_with_the_status_it_was_answered_with() {
        gateway.useCases.submissions.refuseWith(new QueueUnavailableException("down"));
        gateway.send(gateway.request("/async-function/resize").POST(BodyPublishers.ofString("x")));
        gateway.send(gateway.request("/async-function/resize").header("X-Callback-Url", "ftp://x/y")
                .POST(BodyPublishers.ofString("x")));

        assertThat(reportedRequests(2)).extracting(Handled::route, Handled::status).containsExactlyInAnyOrder(
                tuple("/async-function/{name}", 503),
                tuple("/async-function/{name}", 400));
    }

    @Test
    void paths_no_route_matches_are_reported_as_unmatched_so_that_they_cannot_multiply_the_routes() {
        gateway.send(gateway.request("/no/such/path/" + System.nanoTime()).GET());
        gateway.send(gateway.request("/async-function/resize").GET());

        assertThat(reportedRequests(2)).extracting(Handled::route, Handled::method, Handled::status)
                .containsExactlyInAnyOrder(
                        tuple(GatewayRequestEvents.UNMATCHED, "GET", 404),
                        tuple(GatewayRequestEvents.UNMATCHED, "GET", 405));
    }

    private List<Handled> reportedRequests(int count) {
        return await().atMost(Duration.ofSeconds(10)).until(requests::handled, handled -> handled.size() == count);
    }
}
