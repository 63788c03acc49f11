package io.invoq.bench;

/**
 * One function flooded while a second one's calls trickle in, on one broker in one scaling mode.
 *
 * @param floodAccepted           the flooded function's calls answered 202
 * @param floodCompletedPerSecond its callbacks per second, from the first submission to the last callback
 * @param floodSeconds            from the first submission to the flood's last callback
 * @param trickleAccepted         the trickling function's calls answered 202
 * @param trickleStart            their submit → function start latency
 * @param lost                    accepted calls of either function without a callback
 * @param duplicates              callbacks beyond the first for a call, of either function
 */
record FairnessResult(Broker broker, String scalingMode, long floodAccepted, double floodCompletedPerSecond,
                      double floodSeconds, long trickleAccepted, LatencySummary trickleStart, long lost, long duplicates) {
}
