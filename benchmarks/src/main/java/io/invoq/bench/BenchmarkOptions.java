package io.invoq.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line. */
record BenchmarkOptions(boolean quick, boolean million, boolean fairnessOnly, Path invoqJar, Path resultsDirectory, int concurrency, int window,
                        int readAhead, List<String> invoqJavaOptions) {

    /**
     * The JVM options the README recommends for running invoq: the class-data archive the build made
     * beside the jar (ignored where it is missing or made for another jar or JDK), a bounded heap and
     * the throughput collector.
     */
    static final String DEFAULT_INVOQ_JAVA_OPTIONS = "-XX:SharedArchiveFile=app/target/invoq.jsa -Xmx320m -XX:+UseParallelGC";

    static final String USAGE = """
            usage: java -jar benchmarks/target/invoq-benchmarks.jar [options]   (from the repository root)

              --quick                      a smoke run of about 3 minutes instead of the full run (about 7)
              --fairness-only              only the fairness phase: one function flooded, another's calls
                                           trickling in, in static and in function mode (about 1 minute
                                           with --quick, 2 without)
              --invoq-jar=PATH             the jar under test (app/target/invoq.jar)
              --results-dir=DIR            where <timestamp>.json and <timestamp>.md go (benchmarks/results)
              --concurrency=N              outstanding submissions, one keep-alive connection each (64)
              --window=N                   in the sustained phases, calls in flight from submission to
                                           callback (256)
              --read-ahead=N               invoq's read_ahead (0, invoq's default)
              --million                    adds the scale phase on JetStream: backlogs of 10,000 and of
                                           1,000,000 calls with 1 KiB bodies (about 10 more minutes)
              --invoq-java-options=OPTS    JVM options for invoq, space-separated, instead of the README's
                                           production ones (%s); {broker} stands for
                                           jetstream or inmemory (jetstream-fairness-static and so on
                                           in the fairness phase), e.g. to profile each run:
                                           "%s -XX:StartFlightRecording=filename=/tmp/invoq-{broker}.jfr"
              --help                       this text
            """.formatted(DEFAULT_INVOQ_JAVA_OPTIONS, DEFAULT_INVOQ_JAVA_OPTIONS);

    private static final Set<String> FLAGS = Set.of("--quick", "--million", "--fairness-only", "--invoq-jar", "--results-dir", "--concurrency",
            "--window", "--read-ahead", "--invoq-java-options");

    RunProfile profile() {
        RunProfile profile = quick ? RunProfile.QUICK : RunProfile.FULL;
        return million ? profile.withMillionCallBacklog() : profile;
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
        return new BenchmarkOptions(given.containsKey("--quick"), given.containsKey("--million"), given.containsKey("--fairness-only"),
                Path.of(given.getOrDefault("--invoq-jar", "app/target/invoq.jar")),
                Path.of(given.getOrDefault("--results-dir", "benchmarks/results")),
                positive("--concurrency", given.getOrDefault("--concurrency", "64")),
                positive("--window", given.getOrDefault("--window", "256")),
                atLeastZero("--read-ahead", given.getOrDefault("--read-ahead", "0")),
                Arrays.stream(given.getOrDefault("--invoq-java-options", DEFAULT_INVOQ_JAVA_OPTIONS).trim().split("\\s+"))
                        .filter(option -> !option.isEmpty())
                        .toList());
    }

    private static int positive(String flag, String value) {
        return wholeNumber(flag, value, 1, "a positive whole number");
    }

    private static int atLeastZero(String flag, String value) {
        return wholeNumber(flag, value, 0, "a whole number ≥ 0");
    }

    private static int wholeNumber(String flag, String value, int least, String what) {
        try {
            int number = Integer.parseInt(value);
            if (number >= least) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs " + what + ", not '" + value + "'");
    }
}
