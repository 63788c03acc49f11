package io.invoq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadDriverTest {

    @Test
    void sendsEveryRequestOnKeepAliveConnectionsAndCountsTheAnswers() throws Exception {
        List<String> callIds = new ArrayList<>();
        try (LoopbackHttpServer server = LoopbackHttpServer.start("test-server", Map.of(
                "/accept", (request, exchange) -> exchange.answer(202),
                "/later", (request, exchange) -> new Thread(() -> exchange.answer(202)).start()))) {
            LoadResult accepted = LoadDriver.run(plan(500), requests(server.uri("/accept")), 202,
                    (sequence, response) -> callIds.add("call." + sequence));
            LoadResult answeredLater = LoadDriver.run(plan(20), requests(server.uri("/later")), 202, (sequence, response) -> { });
            LoadResult notFound = LoadDriver.run(plan(10), requests(server.uri("/missing")), 202, (sequence, response) -> { });

            assertThat(accepted.sent()).isEqualTo(500);
            assertThat(accepted.succeeded()).isEqualTo(500);
            assertThat(accepted.failures()).isZero();
            assertThat(accepted.latency().count()).isEqualTo(500);
            assertThat(callIds).hasSize(500).doesNotHaveDuplicates();
            assertThat(answeredLater.succeeded()).isEqualTo(20);
            assertThat(notFound.succeeded()).isZero();
            assertThat(notFound.otherStatuses()).containsEntry(404, 10L);
        }
    }

    @Test
    void pacesRequestsAtAFixedRateFromTheOrigin() {
        Pacing pacing = Pacing.fixedRate(1000);

        assertThat(pacing.dueAt(0, 5_000, 9_999_999)).isEqualTo(5_000);
        assertThat(pacing.dueAt(3, 5_000, 0)).isEqualTo(3_005_000);
        assertThat(Pacing.closedLoop().dueAt(3, 5_000, 42)).isEqualTo(42);
    }

    private static LoadPlan plan(int requests) {
        return new LoadPlan(requests, Duration.ofSeconds(30), 8, Pacing.closedLoop());
    }

    private static SubmissionRequests requests(URI target) {
        return new SubmissionRequests(target, URI.create("http://127.0.0.1:9/callback"), sequence -> "call." + sequence, SubmissionRequests.BODY);
    }
}
