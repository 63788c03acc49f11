package io.invoq.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Runs the benchmark once and writes {@code <results-dir>/<timestamp>.json} and {@code .md}. Exits
 * 0 when the run completed (whether or not the targets were met), 1 when it failed, 2 on a bad
 * command line, 3 when it overran its time limit. Child processes are killed however it ends.
 */
public final class BenchmarkMain {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'");

    private BenchmarkMain() {
    }

    public static void main(String[] arguments) {
        if (List.of(arguments).contains("--help")) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.invoqJar())) {
            System.err.println("no invoq jar at " + options.invoqJar().toAbsolutePath()
                    + "; build it with: mvn -B -q -pl app -am package -DskipTests");
            System.exit(2);
        }
        startWatchdog(options.profile());
        System.exit(run(options));
    }

    private static int run(BenchmarkOptions options) {
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        try {
            BenchmarkReport report = new BenchmarkRun(options).run();
            String markdown = MarkdownReport.render(report);
            Path written = ReportFiles.write(report, markdown, options.resultsDirectory(), stamp);
            System.out.print(markdown);
            Progress.log("written " + written + " and " + written.resolveSibling(stamp + ".json"));
            return 0;
        } catch (Exception e) {
            Progress.log("the benchmark failed");
            e.printStackTrace();
            return 1;
        }
    }

    /** Ends a run that hangs; the exit kills the child processes. */
    private static void startWatchdog(RunProfile profile) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(profile.timeLimit().toMillis());
                Progress.log("the run overran its limit of " + profile.timeLimit().toMinutes() + " minutes; stopping");
                System.exit(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
