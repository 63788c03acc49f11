package io.invoq.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs invoq on one broker through its phases: warm-up; peak (closed loop, as fast as it accepts);
 * half of the peak rate (open loop); and two backlogs drained with the gateway idle, of the no-op and
 * of the 10 ms function. Every call has a callback and a unique call id.
 */
final class InvoqBenchmark {

    private static final Duration BACKLOG_SUBMIT_LIMIT = Duration.ofSeconds(60);
    private static final Duration CALLBACK_IDLE_TIMEOUT = Duration.ofSeconds(15);
    static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(120);
    /** Sizes a sustained phase's ledger: more calls a second than invoq completes on any broker here. */
    private static final int MAX_SUSTAINED_RATE = 50_000;
    /** How often a sustained load held back by its window looks again: cheap, and far below a call's time in flight. */
    private static final long RECHECK_NANOS = 2_000_000;
    private static final long SAMPLE_SLACK_NANOS = 50_000_000;
    /** The scale phase's time limits assume at least this many calls a second queued and drained. */
    private static final int SCALE_MIN_RATE = 1_000;

    private final BenchmarkOptions options;
    private final Harness harness;
    private final NatsServer nats;
    private final Path workDirectory;

    InvoqBenchmark(BenchmarkOptions options, Harness harness, NatsServer nats, Path workDirectory) {
        this.options = options;
        this.harness = harness;
        this.nats = nats;
        this.workDirectory = workDirectory;
    }

    InvoqResult run(Broker broker) throws IOException, InterruptedException {
        RunProfile profile = options.profile();
        long unknownBefore = harness.ledgers().unknownCalls();
        try (InvoqServer invoq = InvoqServer.start(options.invoqJar(), options.invoqJavaOptions(), options.readAhead(), broker,
                nats.url(), workDirectory, "bench", "static", broker.flag())) {
            Progress.log("invoq ready after " + Format.seconds(invoq.secondsToReady()) + ", "
                    + Format.seconds(invoq.cpuToReady().toNanos() / 1e9) + " of CPU");
            for (SimulatedFunction function : List.of(SimulatedFunction.NO_OP, SimulatedFunction.TEN_MS)) {
                invoq.register(function, harness.functions().uri(function));
            }
            Phases phases = new Phases(invoq, broker);
            SustainedResult cold = phases.sustained("cold", profile.cold());
            WarmUpResult warmUp = phases.warmUp(profile.invoqWarmUp());
            CpuTimes cpuAfterWarmUp = CpuTimes.of(invoq, nats);
            Duration jitAfterWarmUp = invoq.jitCompilerTime();
            SustainedResult sustained = phases.sustained("sustained", profile.sustained());
            PhaseRun peak = phases.timed("peak", profile.peak(), Pacing.closedLoop());
            double halfPeakRate = peak.submissions().succeededPerSecond() / 2;
            PhaseRun halfPeak = phases.timed("halfpeak", profile.halfPeak(), Pacing.fixedRate(halfPeakRate));
            double halfCompletedRate = sustained.completedPerSecond() / 2;
            PhaseRun halfCompleted = phases.timed("halfcompleted", profile.halfCompleted(),
                    Pacing.fixedRate(halfCompletedRate));
            PhaseRun noOpBacklog = phases.backlog("backlog-noop", SimulatedFunction.NO_OP, profile.noOpBacklog());
            PhaseRun slowBacklog = phases.backlog("backlog-10ms", SimulatedFunction.TEN_MS, profile.slowBacklog());
            CpuTimes measuredCpu = CpuTimes.of(invoq, nats).minus(cpuAfterWarmUp);
            Duration measuredJit = invoq.jitCompilerTime().minus(jitAfterWarmUp);
            List<PhaseRun> measured = List.of(peak, halfPeak, halfCompleted, noOpBacklog, slowBacklog);
            long measuredCalls = measured.stream().mapToLong(phase -> phase.ledger().callbacksReceived()).sum()
                    + sustained.phase().calls().completed();
            List<ScaleResult> scale = new ArrayList<>();
            if (broker == Broker.JETSTREAM) {
                for (int backlog : profile.scaleBacklogs()) {
                    scale.add(phases.scale(backlog));
                }
            }
            return new InvoqResult(broker, invoq.secondsToReady(), invoq.cpuToReady().toNanos() / 1e9, cold, warmUp, sustained,
                    peak.result(), halfPeakRate, halfPeak.result(),
                    halfCompletedRate, halfCompleted.result(),
                    noOpBacklog.result(), slowBacklog.result(), invoq.peakRssBytes(),
                    CpuTimes.microsPerCall(measuredCpu.invoq(), measuredCalls),
                    CpuTimes.microsPerCall(measuredJit, measuredCalls),
                    CpuTimes.microsPerCall(measuredCpu.natsServer(), measuredCalls),
                    CpuTimes.microsPerCall(measuredCpu.harness(), measuredCalls),
                    harness.ledgers().unknownCalls() - unknownBefore, scale);
        }
    }

    /** The phases against one running invoq. */
    private final class Phases {

        private final InvoqServer invoq;
        private final Broker broker;

        Phases(InvoqServer invoq, Broker broker) {
            this.invoq = invoq;
            this.broker = broker;
        }

        /** Runs warm-up rounds until invoq's JIT compilers settle or the warm-up's limit has passed. */
        WarmUpResult warmUp(WarmUp plan) throws IOException, InterruptedException {
            List<PhaseResult> rounds = new ArrayList<>();
            long started = System.nanoTime();
            while (true) {
                Duration compilersBefore = invoq.jitCompilerTime();
                long roundStarted = System.nanoTime();
                rounds.add(timed("warmup-" + (rounds.size() + 1), plan.round(), Pacing.closedLoop()).result());
                long now = System.nanoTime();
                double share = (double) invoq.jitCompilerTime().minus(compilersBefore).toNanos() / (now - roundStarted);
                WarmUpResult result = new WarmUpResult(rounds, (now - started) / 1e9, share, plan.settledShare());
                if (result.settled() || now - started > plan.limit().toNanos()) {
                    Progress.log(broker.flag() + " warm-up " + (result.settled() ? "settled" : "stopped at its limit")
                            + ": the JIT compilers used " + Format.percent(share) + " of a core in the last round");
                    return result;
                }
            }
        }

        /**
         * Keeps {@code window} calls of the no-op function in flight from submission to callback for
         * {@code duration}, sampling CPU times every second, then waits for the last callbacks.
         */
        SustainedResult sustained(String name, Duration duration) throws IOException, InterruptedException {
            int seconds = (int) duration.toSeconds();
            CallLedger ledger = harness.ledgers().open(broker.flag() + "-" + name, seconds * MAX_SUSTAINED_RATE);
            LoadResult submissions;
            List<CpuSample> samples;
            try (CpuSampler sampler = CpuSampler.start(() -> CpuSample.of(invoq, nats), ledger.openedNanos())) {
                submissions = submit(ledger, SimulatedFunction.NO_OP, SubmissionRequests.BODY, new LoadPlan(ledger.capacity(),
                        duration, options.concurrency(), Pacing.endToEnd(options.window(), ledger::callbacksReceived, RECHECK_NANOS)));
                long lastSample = ledger.openedNanos() + duration.toNanos() + SAMPLE_SLACK_NANOS;
                Await.until("the last CPU sample of " + name, Duration.ofSeconds(5),
                        () -> System.nanoTime() - lastSample > 0 && sampler.samples().size() > seconds);
                samples = sampler.samples();
            }
            SustainedResult result = SustainedResult.of(settle(ledger, submissions, ledger.openedNanos()), seconds, samples);
            Progress.log(ledger.phase() + ": " + Format.rate(result.completedPerSecond()) + " completed while loaded, first "
                    + SustainedResult.FIRST_SECONDS + " s " + Format.rate(result.firstSecondsPerSecond()) + "; machine CPU per call "
                    + Format.micros(result.whole().machineMicrosPerCall()));
            return result;
        }

        /**
         * Queues {@code calls} with 1 KiB bodies behind a closed gate while asking {@code GET /system/queues}
         * and reading invoq's RSS every second, then drains them.
         */
        ScaleResult scale(int calls) throws IOException, InterruptedException {
            CallLedger ledger = harness.ledgers().open(broker.flag() + "-scale-" + calls, calls);
            Duration submitLimit = Duration.ofSeconds(Math.max(60, calls / SCALE_MIN_RATE));
            try (QueueProbe probe = QueueProbe.start(invoq)) {
                harness.functions().closeGate();
                LoadResult submissions;
                long origin;
                try {
                    submissions = submit(ledger, SimulatedFunction.NO_OP, SubmissionRequests.KIB_BODY,
                            new LoadPlan(calls, submitLimit, options.concurrency(), Pacing.closedLoop()));
                } finally {
                    origin = System.nanoTime();
                    harness.functions().openGate();
                }
                QueueProbe.Reading whileQueued = probe.reading();
                awaitCallbacks(ledger, submissions.succeeded(), Duration.ofSeconds(Math.max(120, calls / SCALE_MIN_RATE)));
                invoq.requireAlive();
                PhaseRun run = new PhaseRun(ledger, submissions, ledger.callbackRateSince(origin));
                ScaleResult result = new ScaleResult(calls, run.result(), whileQueued, probe.reading());
                Progress.log(ledger.phase() + ": " + Format.count(submissions.succeeded()) + " queued at "
                        + Format.rate(submissions.succeededPerSecond()) + ", drained at " + Format.rate(run.completedPerSecond())
                        + "; RSS at most " + Format.mebibytes(result.whileDraining().maxRssBytes()) + ", GET /system/queues "
                        + Format.percentiles(result.whileDraining().queuesLatency()));
                return result;
            }
        }

        /** Submits to the no-op function within {@code limit}, then waits for the callbacks. */
        PhaseRun timed(String name, PhaseLimit limit, Pacing pacing) throws IOException, InterruptedException {
            CallLedger ledger = harness.ledgers().open(broker.flag() + "-" + name, limit.calls());
            long origin = System.nanoTime();
            LoadResult submissions = submit(ledger, SimulatedFunction.NO_OP, SubmissionRequests.BODY,
                    new LoadPlan(limit.calls(), limit.duration(), options.concurrency(), pacing));
            return settle(ledger, submissions, origin);
        }

        /**
         * Queues {@code calls} while the function holds every answer back, so they pile up in the
         * broker behind the worker's full slots; then lets the worker drain them with the gateway idle.
         */
        PhaseRun backlog(String name, SimulatedFunction function, int calls) throws IOException, InterruptedException {
            CallLedger ledger = harness.ledgers().open(broker.flag() + "-" + name, calls);
            harness.functions().closeGate();
            LoadResult submissions;
            long origin;
            try {
                submissions = submit(ledger, function, SubmissionRequests.BODY,
                        new LoadPlan(calls, BACKLOG_SUBMIT_LIMIT, options.concurrency(), Pacing.closedLoop()));
            } finally {
                origin = System.nanoTime();
                harness.functions().openGate();
            }
            return settle(ledger, submissions, origin);
        }

        private LoadResult submit(CallLedger ledger, SimulatedFunction function, byte[] body, LoadPlan plan) throws IOException {
            return InvoqBenchmark.submit(harness, invoq, ledger, function, body, plan);
        }

        private PhaseRun settle(CallLedger ledger, LoadResult submissions, long originNanos) throws InterruptedException {
            awaitCallbacks(ledger, submissions.succeeded(), CALLBACK_TIMEOUT);
            invoq.requireAlive();
            PhaseRun run = new PhaseRun(ledger, submissions, ledger.callbackRateSince(originNanos));
            Progress.log(ledger.phase() + ": " + Format.count(submissions.succeeded()) + " accepted at "
                    + Format.rate(submissions.succeededPerSecond()) + ", submit " + Format.percentiles(submissions.latency())
                    + "; " + Format.count(ledger.callbacksReceived()) + " callbacks at " + Format.rate(run.completedPerSecond()));
            return run;
        }
    }

    /** Submits calls to {@code function} as {@code plan} says, each with a callback, noting each acceptance in {@code ledger}. */
    static LoadResult submit(Harness harness, InvoqServer invoq, CallLedger ledger, SimulatedFunction function, byte[] body,
                             LoadPlan plan) throws IOException {
        SubmissionRequests requests = new SubmissionRequests(invoq.submissionUri(function), harness.callbacks().uri(),
                ledger::callId, body);
        return LoadDriver.run(plan, requests, 202, (sequence, response) -> ledger.accepted(sequence,
                Long.parseLong(Objects.requireNonNull(response.header("x-start-time"), "a 202 without X-Start-Time"))));
    }

    /** Waits until every accepted call has called back, or callbacks stop coming. */
    static void awaitCallbacks(CallLedger ledger, long expected, Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        long lastProgress = started;
        long lastCount = -1;
        while (ledger.callbacksReceived() < expected) {
            long now = System.nanoTime();
            long count = ledger.callbacksReceived();
            if (count != lastCount) {
                lastCount = count;
                lastProgress = now;
            } else if (now - lastProgress > CALLBACK_IDLE_TIMEOUT.toNanos() || now - started > timeout.toNanos()) {
                return;
            }
            Thread.sleep(20);
        }
    }
}
