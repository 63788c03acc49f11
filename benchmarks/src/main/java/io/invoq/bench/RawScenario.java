package io.invoq.bench;

/** The raw baselines, measured by the same harness as invoq. */
enum RawScenario {
    SYNC_PUBLISH("JetStream sync publish, 1 publisher"),
    ASYNC_PUBLISH("JetStream async publish, window " + RawJetStreamBaselines.PUBLISH_WINDOW),
    PULL_ACK("JetStream pull (batch " + RawJetStreamBaselines.FETCH_BATCH + ") + explicit ack"),
    HTTP_ROUND_TRIP("HTTP no-op round trip, the load generator against a minimal server");

    private final String label;

    RawScenario(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
