package io.invoq.bench;

import java.util.List;

/**
 * @param rounds         each round's phase
 * @param seconds        from the first round's start to the last one's end
 * @param lastRoundShare the JIT compilers' CPU time during the last round, as a share of one core
 * @param settledShare   the share below which invoq counts as warm
 */
record WarmUpResult(List<PhaseResult> rounds, double seconds, double lastRoundShare, double settledShare) {

    /** Whether invoq was warm before the warm-up's limit. */
    boolean settled() {
        return lastRoundShare < settledShare;
    }
}
