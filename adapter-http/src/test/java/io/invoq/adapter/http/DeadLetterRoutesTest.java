package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.DeadLetter;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadLetterRoutesTest {

    private static final QueueName IMAGES = new QueueName("images");
    private static final Instant ACCEPTED_AT = Instant.parse("2030-01-02T03:04:05.123456789Z");

    private final RunningGateway gateway = RunningGateway.withDefaults();
    private final DeadLetterBox deadLetters = gateway.useCases.deadLetters;

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void a_queues_dead_letters_are_listed_as_json_without_headers_or_bodies() {
        deadLetters.put(letter("order:42", 10, 503));

        HttpResponse<String> response = gateway.send(gateway.request("/system/queues/images/dead-letters").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("""
                [{"callId":"order:42","function":"resize","method":"PUT","path":"/big","attempts":10,"status":503,\
                "acceptedAt":"2030-01-02T03:04:05.123456789Z","deadLetteredAt":"2030-01-02T03:10:00Z"}]""");
        assertThat(deadLetters.limitAskedFor(IMAGES)).contains(DeadLetterRoutes.DEFAULT_LIMIT);
    }

    @Test
    void the_list_is_as_long_as_the_limit_asked_for_and_a_bad_limit_is_refused_with_400() {
        assertThat(gateway.send(gateway.request("/system/queues/images/dead-letters?limit=7").GET()).statusCode())
                .isEqualTo(200);
        assertThat(deadLetters.limitAskedFor(IMAGES)).contains(7);

        for (String limit : new String[] {"0", "1001", "many"}) {
            HttpResponse<String> response = gateway.send(
                    gateway.request("/system/queues/images/dead-letters?limit=" + limit).GET());
            assertThat(response.statusCode()).as(limit).isEqualTo(400);
            assertThat(response.body()).startsWith("limit '" + limit + "'");
        }
    }

    @Test
    void a_replayed_dead_letter_is_answered_202_like_a_submission() {
        deadLetters.put(letter("order:42", 10, 503));

        HttpResponse<String> response = gateway.send(gateway.request("/system/queues/images/dead-letters/order:42/replay")
                .POST(BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("X-Call-Id")).contains("order:42");
        assertThat(response.headers().firstValue("X-Start-Time")).contains("1893556800000000001");
        assertThat(deadLetters.deadLetters(IMAGES, 10)).isEmpty();
    }

    @Test
    void replaying_a_call_that_is_no_dead_letter_of_the_queue_is_answered_404() {
        deadLetters.put(letter("order:42", 10, 503));

        HttpResponse<String> response = gateway.send(gateway.request("/system/queues/faas-request/dead-letters/order:42/replay")
                .POST(BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("call 'order:42' is not a dead letter of queue 'faas-request'");
    }

    @Test
    void a_replay_inside_the_duplicate_window_is_answered_409_and_the_letter_stays() {
        deadLetters.put(letter("order:42", 1, 400));
        deadLetters.refuseReplaysAsTooSoon();

        HttpResponse<String> response = gateway.send(gateway.request("/system/queues/images/dead-letters/order:42/replay")
                .POST(BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("duplicate window");
        assertThat(deadLetters.deadLetters(IMAGES, 10)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/system/queues/im.ages/dead-letters", "/system/queues/images/dead-letters/bad%20id/replay"})
    void a_bad_queue_name_or_call_id_is_refused_with_400(String path) {
        HttpResponse<String> response = path.endsWith("replay")
                ? gateway.send(gateway.request(path).POST(BodyPublishers.noBody()))
                : gateway.send(gateway.request(path).GET());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    private static DeadLetter letter(String callId, int attempts, int status) {
        Invocation call = new Invocation(new CallId(callId), new FunctionName("resize"), IMAGES, "PUT", "/big", "",
                Headers.of("Authorization", "secret"), "body".getBytes(), Optional.empty(), ACCEPTED_AT, ACCEPTED_AT);
        return new DeadLetter(call, attempts, status, Instant.parse("2030-01-02T03:10:00Z"));
    }
}
