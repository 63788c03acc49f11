package io.invoq.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU time so far, from the {@code cpu} line of {@code /proc/stat}: every process
 * and the kernel (interrupts and soft interrupts included, where loopback TCP spends much of its
 * time), which is what an independent observer of the machine sees. Per-process times miss the
 * kernel's work done outside any process's context.
 *
 * @param busyNanos  user, nice, system, irq, softirq and steal time, summed over the cores
 * @param totalNanos the same plus idle and iowait
 */
record MachineCpu(long busyNanos, long totalNanos) {

    static final MachineCpu UNKNOWN = new MachineCpu(0, 0);
    /** {@code /proc/stat} counts in clock ticks of 1/100 s on every architecture the JDK runs on. */
    private static final long NANOS_PER_TICK = 10_000_000;
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;
    /** user nice system idle iowait irq softirq steal; guest time is already inside user. */
    private static final int COUNTED_FIELDS = 8;

    /** {@link #UNKNOWN} where there is no {@code /proc/stat}. */
    static MachineCpu now() {
        try {
            return parse(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    static MachineCpu parse(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (!fields[0].equals("cpu")) {
            throw new IllegalArgumentException("not the machine's cpu line: " + cpuLine);
        }
        long busy = 0;
        long total = 0;
        for (int field = 0; field < COUNTED_FIELDS && field + 1 < fields.length; field++) {
            long ticks = Long.parseLong(fields[field + 1]);
            total += ticks;
            if (field != IDLE && field != IOWAIT) {
                busy += ticks;
            }
        }
        return new MachineCpu(busy * NANOS_PER_TICK, total * NANOS_PER_TICK);
    }

    MachineCpu minus(MachineCpu earlier) {
        return new MachineCpu(busyNanos - earlier.busyNanos, totalNanos - earlier.totalNanos);
    }

    /** The busy share of all cores, 0 to 1. */
    double busyShare() {
        return totalNanos > 0 ? (double) busyNanos / totalNanos : 0;
    }
}
