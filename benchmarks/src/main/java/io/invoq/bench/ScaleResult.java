package io.invoq.bench;

/**
 * A backlog of 1 KiB calls queued behind a closed gate, then drained.
 *
 * @param backlog        calls queued
 * @param phase          its submissions (the accepted rate while queuing) and its drain (the completed rate)
 * @param whileQueued    what {@link QueueProbe} saw until the backlog was queued
 * @param whileDraining  what it saw until the backlog was drained
 */
record ScaleResult(int backlog, PhaseResult phase, QueueProbe.Reading whileQueued, QueueProbe.Reading whileDraining) {
}
