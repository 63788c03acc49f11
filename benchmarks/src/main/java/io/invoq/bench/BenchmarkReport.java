package io.invoq.bench;

import java.util.List;

/**
 * Everything a run measured.
 *
 * @param concurrency     outstanding submissions (and keep-alive connections) of the load generator
 * @param window          calls in flight from submission to callback in the sustained phases
 * @param readAhead       invoq's read_ahead
 * @param invoqJavaOptions the JVM options invoq ran with
 * @param comparedAtBytes the raw baselines' message size that invoq's ratios use
 * @param fairnessPlan    the fairness phase's flood and trickle
 * @param fairness        a flooded function beside a trickling one, per broker and scaling mode
 */
record BenchmarkReport(String startedAt, String profile, MachineInfo machine, int concurrency, int window, int maxInflight, int readAhead,
                       List<String> invoqJavaOptions, int submissionBytes, int comparedAtBytes,
                       List<RawResult> rawBaselines, List<BrokerReport> brokers, FairnessPlan fairnessPlan,
                       List<FairnessResult> fairness) {
}
