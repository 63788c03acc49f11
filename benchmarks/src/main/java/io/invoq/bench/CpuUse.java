package io.invoq.bench;

/**
 * The CPU time a stretch of load cost, per completed call.
 *
 * @param calls                 calls completed in the stretch
 * @param machineMicrosPerCall  the whole machine's busy time ({@code /proc/stat}: every process and the kernel)
 * @param invoqMicrosPerCall    invoq's process (user + system)
 * @param jitMicrosPerCall      the part of invoq's that its JIT compiler threads used
 * @param natsServerMicrosPerCall nats-server's process
 * @param harnessMicrosPerCall  this JVM: load generator, functions, callback receiver
 * @param machineBusyShare      how busy all cores were, 0 to 1
 */
record CpuUse(long calls, double machineMicrosPerCall, double invoqMicrosPerCall, double jitMicrosPerCall,
              double natsServerMicrosPerCall, double harnessMicrosPerCall, double machineBusyShare) {

    static CpuUse of(CpuSample used, long calls) {
        return new CpuUse(calls, micros(used.machine().busyNanos(), calls), CpuTimes.microsPerCall(used.parties().invoq(), calls),
                CpuTimes.microsPerCall(used.jitCompilers(), calls), CpuTimes.microsPerCall(used.parties().natsServer(), calls),
                CpuTimes.microsPerCall(used.parties().harness(), calls), used.machine().busyShare());
    }

    /** The machine's busy time per call not used by invoq, nats-server or the harness: the kernel's own, and other processes'. */
    double unattributedMicrosPerCall() {
        return Math.max(0, machineMicrosPerCall - invoqMicrosPerCall - natsServerMicrosPerCall - harnessMicrosPerCall);
    }

    private static double micros(long nanos, long calls) {
        return calls == 0 ? 0 : nanos / 1000.0 / calls;
    }
}
