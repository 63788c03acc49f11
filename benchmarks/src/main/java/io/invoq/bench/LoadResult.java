package io.invoq.bench;

import java.util.Map;

/**
 * What a load achieved.
 *
 * @param sent          requests sent
 * @param succeeded     responses with the expected status
 * @param otherStatuses count of every other status received
 * @param failures      requests that got no response (connection error, timeout, still outstanding at the end)
 * @param firstFailure  the first failure's description, or {@code ""}
 * @param seconds       from the first request sent to the last response received
 * @param latency       of the successful requests
 */
record LoadResult(long sent, long succeeded, Map<Integer, Long> otherStatuses, long failures, String firstFailure,
                  double seconds, LatencySummary latency) {

    double succeededPerSecond() {
        return seconds > 0 ? succeeded / seconds : 0;
    }
}
