package io.invoq.bench;

import java.time.Duration;

/**
 * Warm-up before anything is measured: rounds of closed-loop submissions until invoq's JIT compilers
 * are nearly idle, so that the phases measure the code a long-running invoq runs, not its compilation.
 *
 * @param round         the submissions of one round
 * @param limit         no round starts after this, settled or not
 * @param settledShare  the JIT compilers' CPU time during a round, as a share of one core, below which
 *                      invoq counts as warm
 */
record WarmUp(PhaseLimit round, Duration limit, double settledShare) {
}
