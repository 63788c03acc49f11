package io.invoq.bench;

import java.util.List;

/**
 * invoq's figures on one broker.
 *
 * @param halfPeakRate    the submission rate of the half-peak phase, half the peak's accepted rate
 * @param cpuMicrosPerCall invoq's CPU time per completed call, warm-up excluded
 */
record InvoqResult(Broker broker, PhaseResult warmUp, PhaseResult peak, double halfPeakRate, PhaseResult halfPeak,
                   PhaseResult noOpBacklog, PhaseResult slowBacklog, long peakRssBytes, double cpuMicrosPerCall,
                   long unknownCalls) {

    List<PhaseResult> phases() {
        return List.of(warmUp, peak, halfPeak, noOpBacklog, slowBacklog);
    }

    long lost() {
        return phases().stream().mapToLong(phase -> phase.calls().lost()).sum();
    }

    long duplicates() {
        return phases().stream().mapToLong(phase -> phase.calls().duplicates()).sum();
    }

    long unexpected() {
        return phases().stream().mapToLong(phase -> phase.calls().unexpected()).sum();
    }

    long failed() {
        return phases().stream().mapToLong(phase -> phase.calls().failed()).sum();
    }
}
