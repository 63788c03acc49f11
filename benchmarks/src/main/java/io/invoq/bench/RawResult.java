package io.invoq.bench;

/**
 * One raw baseline's figures.
 *
 * @param messageBytes payload size; for HTTP the request body
 * @param latency      per message or request; {@link LatencySummary#EMPTY} where not measured
 */
record RawResult(RawScenario scenario, int messageBytes, long messages, double perSecond, LatencySummary latency) {
}
