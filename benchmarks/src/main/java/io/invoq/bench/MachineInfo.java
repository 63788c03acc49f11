package io.invoq.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a run was measured on, and how busy it was: on a shared machine the figures are only
 * as good as the load average beside them.
 */
record MachineInfo(int cores, String loadAverageBefore, String loadAverageAfter, String java, String natsServer) {

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String javaVersion() {
        return System.getProperty("java.vm.name") + " " + Runtime.version();
    }
}
