package io.invoq.bench;

import java.util.List;

/** All raw baselines of a run. */
record RawBaselines(List<RawResult> results) {

    /**
     * The size invoq's figures are compared at: a 64-byte submission becomes a message of about
     * 0.5 KiB in invoq's stream (JSON envelope, request headers, base64 body), nearer 1 KiB than 64 B.
     */
    static final int COMPARED_BYTES = 1024;

    RawResult compared(RawScenario scenario) {
        return results.stream()
                .filter(result -> result.scenario() == scenario)
                .filter(result -> scenario == RawScenario.HTTP_ROUND_TRIP || result.messageBytes() == COMPARED_BYTES)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + scenario + " baseline"));
    }
}
