package io.invoq.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One whole run: a fresh nats-server, the raw baselines, invoq on each broker, then the fairness phase
 * on each broker (only that with {@code --fairness-only}). Child processes and logs live in a
 * temporary directory, removed after a successful run and kept after a failed one.
 */
final class BenchmarkRun {

    private final BenchmarkOptions options;

    BenchmarkRun(BenchmarkOptions options) {
        this.options = options;
    }

    BenchmarkReport run() throws Exception {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadAverageBefore = MachineInfo.loadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        Path work = Files.createTempDirectory("invoq-bench-");
        boolean succeeded = false;
        try (NatsServer nats = NatsServer.start(work); Harness harness = Harness.start()) {
            Progress.log("nats-server at " + nats.url() + ", logs in " + work);
            RawBaselines raw = options.fairnessOnly() ? new RawBaselines(List.of()) : rawBaselines(nats);
            List<BrokerReport> brokers = new ArrayList<>();
            if (!options.fairnessOnly()) {
                InvoqBenchmark invoq = new InvoqBenchmark(options, harness, nats, work);
                for (Broker broker : Broker.values()) {
                    Progress.log("invoq on " + broker.flag());
                    InvoqResult result = invoq.run(broker);
                    brokers.add(new BrokerReport(result, Scorecard.figures(result, raw, cores)));
                }
            }
            FairnessBenchmark fairnessBenchmark = new FairnessBenchmark(options, harness, nats, work);
            List<FairnessResult> fairness = new ArrayList<>();
            for (Broker broker : Broker.values()) {
                Progress.log("fairness on " + broker.flag());
                fairness.addAll(fairnessBenchmark.run(broker));
            }
            MachineInfo machine = new MachineInfo(cores, loadAverageBefore, MachineInfo.loadAverage(),
                    MachineInfo.javaVersion(), nats.version());
            succeeded = true;
            return new BenchmarkReport(startedAt, options.profile().name(), machine, options.concurrency(),
                    options.window(), InvoqServer.MAX_INFLIGHT, options.readAhead(), options.invoqJavaOptions(), SubmissionRequests.BODY.length, RawBaselines.COMPARED_BYTES,
                    raw.results(), brokers, options.profile().fairness(), fairness);
        } finally {
            if (succeeded) {
                deleteRecursively(work);
            } else {
                Progress.log("logs of the failed run kept in " + work);
            }
        }
    }

    private RawBaselines rawBaselines(NatsServer nats) throws Exception {
        Progress.log("raw baselines");
        List<RawResult> results = new ArrayList<>(RawJetStreamBaselines.measure(nats.url(), options.profile()));
        results.add(RawHttpBaseline.measure(options.concurrency(), options.profile()));
        for (RawResult result : results) {
            Progress.log(result.scenario().label() + ", " + result.messageBytes() + " B: " + Format.rate(result.perSecond())
                    + ", " + Format.percentiles(result.latency()));
        }
        return new RawBaselines(results);
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            Progress.log("could not remove " + root + ": " + e);
        }
    }
}
