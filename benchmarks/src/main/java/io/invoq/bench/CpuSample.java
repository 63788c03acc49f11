package io.invoq.bench;

import java.time.Duration;

/** The CPU time used so far by the whole machine and by each party of a run, at one moment. */
record CpuSample(MachineCpu machine, CpuTimes parties, Duration jitCompilers) {

    static CpuSample of(InvoqServer invoq, NatsServer nats) {
        return new CpuSample(MachineCpu.now(), CpuTimes.of(invoq, nats), invoq.jitCompilerTime());
    }

    CpuSample minus(CpuSample earlier) {
        return new CpuSample(machine.minus(earlier.machine), parties.minus(earlier.parties),
                jitCompilers.minus(earlier.jitCompilers));
    }
}
