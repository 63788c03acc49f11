package io.invoq.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line. */
record BenchmarkOptions(boolean quick, Path invoqJar, Path resultsDirectory, int concurrency, List<String> invoqJavaOptions) {

    /** The JVM options the README recommends for running invoq: a bounded heap and the throughput collector. */
    static final String DEFAULT_INVOQ_JAVA_OPTIONS = "-Xmx320m -XX:+UseParallelGC";

    static final String USAGE = """
            usage: java -jar benchmarks/target/invoq-benchmarks.jar [options]   (from the repository root)

              --quick                      a smoke run of about 1 minute instead of the full run (about 3)
              --invoq-jar=PATH             the jar under test (app/target/invoq.jar)
              --results-dir=DIR            where <timestamp>.json and <timestamp>.md go (benchmarks/results)
              --concurrency=N              outstanding submissions, one keep-alive connection each (64)
              --invoq-java-options=OPTS    JVM options for invoq, space-separated, instead of the README's
                                           production ones (%s); {broker} stands for
                                           jetstream or inmemory, e.g. to profile each run:
                                           "%s -XX:StartFlightRecording=filename=/tmp/invoq-{broker}.jfr"
              --help                       this text
            """.formatted(DEFAULT_INVOQ_JAVA_OPTIONS, DEFAULT_INVOQ_JAVA_OPTIONS);

    private static final Set<String> FLAGS = Set.of("--quick", "--invoq-jar", "--results-dir", "--concurrency",
            "--invoq-java-options");

    RunProfile profile() {
        return quick ? RunProfile.QUICK : RunProfile.FULL;
    }

    /** @throws IllegalArgumentException naming the argument it does not understand */
    static BenchmarkOptions parse(String... arguments) {
        Map<String, String> given = new HashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            String flag = equals < 0 ? argument : argument.substring(0, equals);
            if (!FLAGS.contains(flag)) {
                throw new IllegalArgumentException("unknown argument " + argument);
            }
            given.put(flag, equals < 0 ? "" : argument.substring(equals + 1));
        }
        return new BenchmarkOptions(given.containsKey("--quick"),
                Path.of(given.getOrDefault("--invoq-jar", "app/target/invoq.jar")),
                Path.of(given.getOrDefault("--results-dir", "benchmarks/results")),
                positive("--concurrency", given.getOrDefault("--concurrency", "64")),
                Arrays.stream(given.getOrDefault("--invoq-java-options", DEFAULT_INVOQ_JAVA_OPTIONS).trim().split("\\s+"))
                        .filter(option -> !option.isEmpty())
                        .toList());
    }

    private static int positive(String flag, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a positive whole number, not '" + value + "'");
    }
}
