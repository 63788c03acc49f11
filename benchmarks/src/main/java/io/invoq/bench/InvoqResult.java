package io.invoq.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * invoq's figures on one broker.
 *
 * @param secondsToReady             from starting invoq's process to {@code /readyz} answering 200
 * @param cpuSecondsToReady          the CPU time invoq had used by then
 * @param cold                       sustained load from invoq's first second
 * @param sustained                  sustained load once warm: the headline rate
 * @param halfPeakRate               the submission rate of the half-peak phase, half the peak's accepted rate
 * @param halfCompletedRate          the submission rate of the phase at half the peak's completed rate
 * @param cpuMicrosPerCall           invoq's CPU time per completed call, warm-up excluded
 * @param jitCpuMicrosPerCall        the part of it that invoq's JIT compilers used
 * @param natsServerCpuMicrosPerCall nats-server's CPU time per completed call, over the same phases
 * @param scale                      the scale phase's backlogs, smallest first; empty when not run
 * @param harnessCpuMicrosPerCall    this JVM's CPU time (load generator, functions, callback receiver) per
 *                                   completed call, over the same phases
 */
record InvoqResult(Broker broker, double secondsToReady, double cpuSecondsToReady, SustainedResult cold, WarmUpResult warmUp,
                   SustainedResult sustained, PhaseResult peak, double halfPeakRate, PhaseResult halfPeak,
                   double halfCompletedRate, PhaseResult halfCompleted,
                   PhaseResult noOpBacklog, PhaseResult slowBacklog, long peakRssBytes, double cpuMicrosPerCall,
                   double jitCpuMicrosPerCall,
                   double natsServerCpuMicrosPerCall, double harnessCpuMicrosPerCall, long unknownCalls,
                   List<ScaleResult> scale) {

    /** The CPU time per call of invoq, nats-server and the harness together, as each process counts it. */
    double allPartiesCpuMicrosPerCall() {
        return cpuMicrosPerCall + natsServerCpuMicrosPerCall + harnessCpuMicrosPerCall;
    }

    List<PhaseResult> phases() {
        List<PhaseResult> phases = new ArrayList<>(List.of(cold.phase()));
        phases.addAll(warmUp.rounds());
        phases.addAll(List.of(sustained.phase(), peak, halfPeak, halfCompleted, noOpBacklog, slowBacklog));
        scale.forEach(backlog -> phases.add(backlog.phase()));
        return phases;
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
