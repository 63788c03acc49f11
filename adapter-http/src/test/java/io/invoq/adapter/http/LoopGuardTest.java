package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.Headers;
import io.invoq.domain.InvocationResult;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopGuardTest {

    private static final int MAX_HOPS = 3;

    private final RunningGateway gateway = new RunningGateway(RunningGateway.DEFAULTS_ON_A_FREE_PORT,
            SecuritySettings.DEFAULT.with(new SecuritySettings.Limits(MAX_HOPS,
                    SecuritySettings.Limits.DEFAULT_MAX_CONNECTIONS, SecuritySettings.Limits.DEFAULT_MAX_PROXY_INFLIGHT)));

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void a_submission_or_synchronous_call_that_went_through_invoq_max_hops_times_is_still_served() {
        gateway.useCases.invocations.answerWith(new InvocationResult(200, Headers.EMPTY, new byte[0], Duration.ZERO));

        assertThat(send("/async-function/echo", "3").statusCode()).isEqualTo(202);
        assertThat(send("/function/echo", "3").statusCode()).isEqualTo(200);
        assertThat(gateway.useCases.submissions.commands()).hasSize(1);
    }

    @Test
    void one_hop_more_is_refused_with_508_loop_detected_and_reaches_no_function() {
        HttpResponse<String> submission = send("/async-function/echo", "4");
        HttpResponse<String> call = send("/function/echo/deeper/path", "4");

        assertThat(submission.statusCode()).isEqualTo(508);
        assertThat(submission.body()).contains("max_hops 3");
        assertThat(call.statusCode()).isEqualTo(508);
        assertThat(gateway.useCases.submissions.commands()).isEmpty();
        assertThat(gateway.useCases.invocations.commands()).isEmpty();
    }

    @Test
    void a_second_lower_value_does_not_lower_the_count_and_an_unreadable_one_is_a_400() {
        HttpResponse<String> twoValues = gateway.send(gateway.request("/async-function/echo")
                .header(HopCount.HEADER, "9").header(HopCount.HEADER, "0").POST(BodyPublishers.ofString("x")));
        HttpResponse<String> unreadable = send("/async-function/echo", "-1");

        assertThat(twoValues.statusCode()).isEqualTo(508);
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).startsWith(HopCount.HEADER);
    }

    private HttpResponse<String> send(String path, String hops) {
        HttpRequest.Builder request = gateway.request(path).header(HopCount.HEADER, hops).POST(BodyPublishers.ofString("x"));
        return gateway.send(request);
    }
}
