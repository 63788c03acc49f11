package io.invoq.bench;

import java.time.Duration;

/**
 * CPU time (user + system) used so far by each party of a run that sits on this machine's cores:
 * invoq, nats-server, and the harness, this JVM (load generator, function servers, callback receiver).
 */
record CpuTimes(Duration invoq, Duration natsServer, Duration harness) {

    static CpuTimes of(InvoqServer invoq, NatsServer natsServer) {
        return new CpuTimes(invoq.cpuTime(), natsServer.cpuTime(), usedBy(ProcessHandle.current()));
    }

    /** CPU time the process has used so far; zero once it has exited. */
    static Duration usedBy(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** @return the CPU time each party used since {@code earlier} */
    CpuTimes minus(CpuTimes earlier) {
        return new CpuTimes(invoq.minus(earlier.invoq), natsServer.minus(earlier.natsServer), harness.minus(earlier.harness));
    }

    /** @return {@code cpuTime} per call in µs; 0 without calls */
    static double microsPerCall(Duration cpuTime, long calls) {
        return calls == 0 ? 0 : cpuTime.toNanos() / 1000.0 / calls;
    }
}
