package io.invoq.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * How long a function's calls wait while another function of the same queue is flooded, in static
 * and in function mode: a fresh invoq per mode, on a queue of its own (a queue's mode is kept by the
 * broker), takes a flood of calls to the 10 ms function, submitted as fast as it accepts them, while
 * calls to the no-op function trickle in at a steady rate from the same moment on. The trickle's
 * submit → start latency is the figure: in static mode its calls queue behind the flood's backlog,
 * in function mode they wait for a free slot, a few of the flood's durations at most.
 */
record FairnessBenchmark(BenchmarkOptions options, Harness harness, NatsServer nats, Path workDirectory) {

    private static final SimulatedFunction FLOOD = SimulatedFunction.TEN_MS;
    private static final SimulatedFunction TRICKLE = SimulatedFunction.NO_OP;
    private static final Duration FLOOD_SUBMIT_LIMIT = Duration.ofSeconds(60);
    /** The trickle's connections: enough that one slow 202 does not hold the next call back. */
    private static final int TRICKLE_CONNECTIONS = 4;
    private static final Duration TRICKLE_SLACK = Duration.ofSeconds(5);

    /** The phase in each scaling mode, static first. */
    List<FairnessResult> run(Broker broker) throws IOException, InterruptedException {
        List<FairnessResult> results = new ArrayList<>();
        for (String mode : FairnessComparison.MODES) {
            results.add(run(broker, mode));
        }
        return results;
    }

    private FairnessResult run(Broker broker, String mode) throws IOException, InterruptedException {
        FairnessPlan plan = options.profile().fairness();
        String queue = "fairness-" + mode;
        String label = broker.flag() + "-" + queue;
        try (InvoqServer invoq = InvoqServer.start(options.invoqJar(), options.invoqJavaOptions(), options.readAhead(), broker,
                nats.url(), workDirectory, queue, mode, label)) {
            invoq.register(FLOOD, harness.functions().uri(FLOOD));
            invoq.register(TRICKLE, harness.functions().uri(TRICKLE));
            CallLedger flood = harness.ledgers().open(label + "-flood", plan.floodCalls());
            CallLedger trickle = harness.ledgers().open(label + "-trickle", plan.trickleCalls());
            long origin = System.nanoTime();
            CompletableFuture<LoadResult> floodSubmissions = CompletableFuture.supplyAsync(() -> submit(invoq, flood, FLOOD,
                    new LoadPlan(plan.floodCalls(), FLOOD_SUBMIT_LIMIT, options.concurrency(), Pacing.closedLoop())));
            LoadResult trickleSubmissions = submit(invoq, trickle, TRICKLE, new LoadPlan(plan.trickleCalls(),
                    Duration.ofSeconds(plan.trickleSeconds()).plus(TRICKLE_SLACK), TRICKLE_CONNECTIONS, Pacing.fixedRate(plan.tricklePerSecond())));
            LoadResult floodAccepted = join(floodSubmissions);
            InvoqBenchmark.awaitCallbacks(flood, floodAccepted.succeeded(), InvoqBenchmark.CALLBACK_TIMEOUT);
            InvoqBenchmark.awaitCallbacks(trickle, trickleSubmissions.succeeded(), InvoqBenchmark.CALLBACK_TIMEOUT);
            invoq.requireAlive();
            CallTally flooded = flood.tally();
            CallTally trickled = trickle.tally();
            FairnessResult result = new FairnessResult(broker, mode, flooded.accepted(), flood.callbackRateSince(origin),
                    flood.secondsToLastCallbackSince(origin), trickled.accepted(), trickled.submitToStart(),
                    flooded.lost() + trickled.lost(), flooded.duplicates() + trickled.duplicates());
            Progress.log(label + ": " + Format.count(result.floodAccepted()) + " flood calls worked through in "
                    + Format.seconds(result.floodSeconds()) + " at " + Format.rate(result.floodCompletedPerSecond())
                    + "; trickle submit → start " + Format.medianAndP99(result.trickleStart()));
            return result;
        }
    }

    private LoadResult submit(InvoqServer invoq, CallLedger ledger, SimulatedFunction function, LoadPlan plan) {
        try {
            return InvoqBenchmark.submit(harness, invoq, ledger, function, SubmissionRequests.BODY, plan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LoadResult join(CompletableFuture<LoadResult> submissions) throws InterruptedException, IOException {
        try {
            return submissions.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException("the flood's submissions failed", e.getCause());
        }
    }
}
