package io.invoq.bench;

import java.io.IOException;
import java.time.Duration;

/**
 * The HTTP floor: the same load generator, connections and requests as the submissions to invoq,
 * against a server that answers 202 at once.
 */
final class RawHttpBaseline {

    private static final int MAX_REQUESTS = 10_000_000;

    private RawHttpBaseline() {
    }

    static RawResult measure(int connections, RunProfile profile) throws IOException {
        try (NoOpServer server = new NoOpServer()) {
            SubmissionRequests requests = new SubmissionRequests(server.uri(), server.uri(), sequence -> "raw." + sequence, SubmissionRequests.BODY);
            run(requests, connections, profile.rawWarmUp());
            LoadResult result = run(requests, connections, profile.rawDuration());
            if (result.failures() > 0 || !result.otherStatuses().isEmpty()) {
                throw new IllegalStateException("the raw HTTP baseline failed: " + result.firstFailure() + " " + result.otherStatuses());
            }
            return new RawResult(RawScenario.HTTP_ROUND_TRIP, SubmissionRequests.BODY.length, result.succeeded(),
                    result.succeededPerSecond(), result.latency());
        }
    }

    private static LoadResult run(SubmissionRequests requests, int connections, Duration duration) throws IOException {
        return LoadDriver.run(new LoadPlan(MAX_REQUESTS, duration, connections, Pacing.closedLoop()), requests, 202,
                (sequence, response) -> { });
    }
}
