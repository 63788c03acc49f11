package io.invoq.bench;

/**
 * The fate of one phase's calls, counted from the callbacks.
 *
 * @param accepted          submissions answered 202
 * @param completed         accepted calls with at least one callback
 * @param lost              accepted calls without a callback
 * @param duplicates        callbacks beyond the first for a call
 * @param unexpected        callbacks for calls that were never answered 202
 * @param failed            callbacks whose {@code X-Function-Status} was not 200
 * @param submitToStart     from acceptance ({@code X-Start-Time}) to the function receiving the call
 */
record CallTally(long accepted, long completed, long lost, long duplicates, long unexpected, long failed,
                 LatencySummary submitToStart) {
}
