package io.invoq.bench;

/**
 * One phase of submissions to invoq and the calls it produced.
 *
 * @param completedPerSecond callbacks per second, from the start of the phase (or, for a backlog,
 *                           from opening the gate) to the last callback
 */
record PhaseResult(String name, LoadResult submissions, double completedPerSecond, CallTally calls) {
}
