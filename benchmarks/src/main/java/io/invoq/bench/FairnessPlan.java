package io.invoq.bench;

/**
 * The fairness phase's load: a flood of calls to one function, submitted as fast as invoq accepts
 * them, and from the same moment calls to a second function at a steady rate.
 *
 * @param floodCalls       calls of the flooded function; enough that working through them outlasts the trickle
 * @param tricklePerSecond the second function's calls a second
 * @param trickleSeconds   how long they trickle in
 */
record FairnessPlan(int floodCalls, double tricklePerSecond, int trickleSeconds) {

    FairnessPlan {
        if (floodCalls < 1 || !(tricklePerSecond > 0) || trickleCalls(tricklePerSecond, trickleSeconds) < 1) {
            throw new IllegalArgumentException("a fairness plan needs a flood and at least one trickled call");
        }
    }

    /** How many calls trickle in: one every 1 / rate seconds while the trickle lasts. */
    int trickleCalls() {
        return trickleCalls(tricklePerSecond, trickleSeconds);
    }

    private static int trickleCalls(double perSecond, int seconds) {
        return (int) Math.floor(perSecond * seconds);
    }
}
