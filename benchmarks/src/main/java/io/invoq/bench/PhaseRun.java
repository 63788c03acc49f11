package io.invoq.bench;

/**
 * A phase that has run; its calls are tallied only when the whole broker run ends, so that a
 * duplicate callback arriving during a later phase still counts against this one.
 */
record PhaseRun(CallLedger ledger, LoadResult submissions, double completedPerSecond) {

    PhaseResult result() {
        return new PhaseResult(ledger.phase(), submissions, completedPerSecond, ledger.tally());
    }
}
