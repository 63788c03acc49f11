package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.FunctionName;
import io.invoq.domain.QueueName;
import io.invoq.domain.Rate;
import io.invoq.domain.ScalingMode;
import io.invoq.ports.in.QueueStatus;
import io.invoq.ports.out.QueueStats;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueueRoutesTest {

    private static final QueueStats IMAGES = new QueueStats(new QueueName("images"), 5, 2,
            Map.of(new FunctionName("resize"), 3L, new FunctionName("crop"), 2L));
    private static final String IMAGES_JSON = """
            {"name":"images","pending":5,"inFlight":2,"pendingByFunction":{"crop":2,"resize":3},"scalingMode":null,\
            "paused":false,"functions":[{"name":"crop","pending":2,"paused":false,"maxConcurrency":null,"rate":null},\
            {"name":"resize","pending":3,"paused":false,"maxConcurrency":null,"rate":null}]}""";

    private final RunningGateway gateway = RunningGateway.withDefaults();
    private final QueueBoard queues = gateway.useCases.queues;

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void every_known_queue_is_listed_with_its_pending_in_flight_and_per_function_counts() {
        queues.show(new QueueStats(new QueueName("faas-request"), 0, 0, Map.of()));
        queues.show(IMAGES);

        HttpResponse<String> response = gateway.send(gateway.request("/system/queues").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("""
                [{"name":"faas-request","pending":0,"inFlight":0,"pendingByFunction":{},"scalingMode":null,\
                "paused":false,"functions":[]},""" + IMAGES_JSON + "]");
    }

    @Test
    void one_queue_is_read_by_name() {
        queues.show(IMAGES);

        HttpResponse<String> response = gateway.send(gateway.request("/system/queues/images").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(IMAGES_JSON);
    }

    @Test
    void purging_a_queue_answers_how_many_calls_it_removed() {
        queues.show(IMAGES);

        HttpResponse<String> response = gateway.send(gateway.request("/system/queues/images/messages").DELETE());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"queue\":\"images\",\"purged\":3}");
        assertThat(queues.of(IMAGES.queue()).stats().pending()).isEqualTo(2);
    }

    @Test
    void a_queue_shows_its_mode_and_each_functions_bound_rate_and_pause() {
        queues.show(new QueueStatus(IMAGES, Optional.of(ScalingMode.FUNCTION), true, List.of(
                new QueueStatus.FunctionFlow(new FunctionName("resize"), 3, true, OptionalInt.of(2),
                        Optional.of(Rate.parse("50/s"))))));

        HttpResponse<String> response = gateway.send(gateway.request("/system/queues/images").GET());

        assertThat(response.body()).isEqualTo("""
                {"name":"images","pending":5,"inFlight":2,"pendingByFunction":{"crop":2,"resize":3},\
                "scalingMode":"function","paused":true,"functions":[{"name":"resize","pending":3,"paused":true,\
                "maxConcurrency":2,"rate":"50/s"}]}""");
    }

    @Test
    void a_queue_or_one_function_is_paused_and_resumed_answering_the_queues_status() {
        queues.show(IMAGES);

        HttpResponse<String> paused = gateway.send(gateway.request("/system/queues/images/pause")
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> functionPaused = gateway.send(gateway.request("/system/queues/images/functions/crop/pause")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(paused.body()).contains("\"paused\":true,\"functions\"");
        assertThat(functionPaused.statusCode()).isEqualTo(200);
        assertThat(functionPaused.body()).contains("{\"name\":\"crop\",\"pending\":2,\"paused\":true");
        assertThat(queues.of(IMAGES.queue()).paused()).isTrue();

        gateway.send(gateway.request("/system/queues/images/resume").POST(HttpRequest.BodyPublishers.noBody()));
        gateway.send(gateway.request("/system/queues/images/functions/crop/resume").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(queues.of(IMAGES.queue()).paused()).isFalse();
        assertThat(queues.of(IMAGES.queue()).functions()).noneMatch(QueueStatus.FunctionFlow::paused);
    }

    @Test
    void pausing_a_bad_function_name_is_refused_with_400() {
        HttpResponse<String> response = gateway.send(gateway.request("/system/queues/images/functions/a$b/pause")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("'a$b': function name must match");
    }

    @Test
    void a_bad_queue_name_is_refused_with_400() {
        assertThat(gateway.send(gateway.request("/system/queues/im.ages").GET()).statusCode()).isEqualTo(400);
        HttpResponse<String> purge = gateway.send(gateway.request("/system/queues/im$ges/messages").DELETE());

        assertThat(purge.statusCode()).isEqualTo(400);
        assertThat(purge.body()).startsWith("'im$ges': queue name must match");
    }

    @Test
    void with_the_broker_down_queues_are_answered_503_with_retry_after() {
        queues.takeBrokerDown();

        for (HttpRequest.Builder request : List.of(gateway.request("/system/queues").GET(),
                gateway.request("/system/queues/images").GET(),
                gateway.request("/system/queues/images/messages").DELETE(),
                gateway.request("/system/queues/images/pause").POST(HttpRequest.BodyPublishers.noBody()))) {
            HttpResponse<String> response = gateway.send(request);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
    }
}
