package io.invoq.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time a HotSpot JVM's JIT compiler threads have used, read from {@code /proc}. While it still
 * grows fast, the JVM is compiling its hot paths and measures slower and costlier than it runs for
 * the rest of its life.
 */
final class JitCompilerTime {

    /** Linux reports thread CPU times in clock ticks of 1/100 s on every architecture the JDK runs on. */
    private static final long NANOS_PER_TICK = 10_000_000;
    /** utime and stime, fields 14 and 15 of stat(5), counted from the state, field 3, which follows the name. */
    private static final int UTIME_AFTER_NAME = 11;
    private static final int STIME_AFTER_NAME = 12;

    private JitCompilerTime() {
    }

    /** Zero when the process has exited or this is not Linux. */
    static Duration of(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return Duration.ofNanos(threads.filter(JitCompilerTime::isCompiler).mapToLong(JitCompilerTime::cpuNanos).sum());
        } catch (IOException e) {
            return Duration.ZERO;
        }
    }

    private static boolean isCompiler(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).contains("CompilerThre");
        } catch (IOException e) {
            return false;
        }
    }

    private static long cpuNanos(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            // the thread's name, in parentheses, may hold spaces
            String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(afterName[UTIME_AFTER_NAME]) + Long.parseLong(afterName[STIME_AFTER_NAME])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
