package io.invoq.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The report as Markdown tables. */
final class MarkdownReport {

    private final StringBuilder text = new StringBuilder();

    private MarkdownReport() {
    }

    static String render(BenchmarkReport report) {
        return new MarkdownReport().write(report).text.toString();
    }

    private MarkdownReport write(BenchmarkReport report) {
        MachineInfo machine = report.machine();
        line("# invoq benchmark " + report.startedAt() + " (" + report.profile() + " run)");
        line("");
        line("- machine: " + machine.cores() + " cores shared by nats-server, invoq, the functions and the load generator; "
                + "load average " + machine.loadAverageBefore() + " before, " + machine.loadAverageAfter() + " after");
        line("- " + machine.java() + "; " + machine.natsServer() + " (JetStream, file storage), all on 127.0.0.1");
        line("- load: " + report.concurrency() + " outstanding submissions on keep-alive connections, "
                + report.submissionBytes() + "-byte bodies, a callback and a unique X-Call-Id each; in the sustained phases (cold "
                + "and warm) at most " + report.window() + " calls in flight from submission to callback; invoq --max-inflight="
                + report.maxInflight() + " --read-ahead=" + report.readAhead() + ", JVM options: "
                + String.join(" ", report.invoqJavaOptions()));
        line("- ratios compare with the " + report.comparedAtBytes() + "-byte raw baselines; latencies in ms");
        if (!report.rawBaselines().isEmpty()) {
            rawBaselines(report);
        }
        for (BrokerReport broker : report.brokers()) {
            line("");
            line("## invoq on " + broker.result().broker().flag());
            line("");
            row("figure", "invoq", "baseline", "ratio", "target", "result");
            rule(6);
            for (Figure figure : broker.figures()) {
                row(figure.name(), figure.value(), figure.baseline(), figure.ratio(), figure.target(),
                        figure.verdict() == Verdict.INFO ? "" : figure.verdict().name());
            }
        }
        if (!report.brokers().isEmpty()) {
            phases(report);
        }
        fairness(report);
        return this;
    }

    private void rawBaselines(BenchmarkReport report) {
        line("");
        line("## Raw baselines");
        line("");
        row("baseline", "message", "rate", "p50 / p99 / p99.9");
        rule(4);
        for (RawResult raw : report.rawBaselines()) {
            row(raw.scenario().label(), raw.messageBytes() + " B", Format.rate(raw.perSecond()), Format.percentiles(raw.latency()));
        }
    }

    private void phases(BenchmarkReport report) {
        line("");
        line("## Phases");
        line("");
        row("broker", "phase", "sent", "accepted", "accepted/s", "completed/s", "submit p50 / p99 / p99.9",
                "submit → start p50 / p99", "lost", "dup", "other statuses", "errors");
        rule(12);
        for (BrokerReport broker : report.brokers()) {
            for (PhaseResult phase : broker.result().phases()) {
                LoadResult submissions = phase.submissions();
                row(broker.result().broker().flag(), phase.name(), Format.count(submissions.sent()),
                        Format.count(submissions.succeeded()), Format.rate(submissions.succeededPerSecond()),
                        Format.rate(phase.completedPerSecond()), Format.percentiles(submissions.latency()),
                        Format.medianAndP99(phase.calls().submitToStart()),
                        Long.toString(phase.calls().lost()), Long.toString(phase.calls().duplicates()),
                        otherStatuses(submissions), failures(submissions));
            }
        }
    }

    private void fairness(BenchmarkReport report) {
        FairnessPlan plan = report.fairnessPlan();
        line("");
        line("## Fairness: one function flooded, another's calls trickling in");
        line("");
        line("A fresh invoq per scaling mode gets " + Format.count(plan.floodCalls()) + " calls to the 10 ms function, submitted "
                + "as fast as it accepts them, and from the same moment " + Format.count(plan.trickleCalls())
                + " calls to the no-op function, " + Format.rate(plan.tricklePerSecond()) + " for "
                + Format.seconds(plan.trickleSeconds()) + ". Static mode beside function mode:");
        line("");
        row("broker", "trickle submit → start p50 / p99, static", "function", "flood completed/s, static", "function",
                "flood worked through in, static", "function", "trickle calls, static / function", "lost", "dup");
        rule(10);
        for (FairnessComparison comparison : FairnessComparison.of(report.fairness())) {
            List<String> cells = new ArrayList<>(List.of(comparison.broker().flag()));
            cells.addAll(comparison.sideBySide(result -> Format.medianAndP99(result.trickleStart())));
            cells.addAll(comparison.sideBySide(result -> Format.rate(result.floodCompletedPerSecond())));
            cells.addAll(comparison.sideBySide(result -> Format.seconds(result.floodSeconds())));
            cells.add(String.join(" / ", comparison.sideBySide(result -> Format.count(result.trickleAccepted()))));
            cells.add(Long.toString(comparison.total(FairnessResult::lost)));
            cells.add(Long.toString(comparison.total(FairnessResult::duplicates)));
            row(cells.toArray(String[]::new));
        }
    }

    private static String otherStatuses(LoadResult submissions) {
        return submissions.otherStatuses().isEmpty() ? "–" : submissions.otherStatuses().entrySet().stream()
                .map(status -> status.getValue() + " × " + status.getKey())
                .collect(Collectors.joining(", "));
    }

    private static String failures(LoadResult submissions) {
        return submissions.failures() == 0 ? "0" : submissions.failures() + " (" + submissions.firstFailure() + ")";
    }

    private void row(String... cells) {
        line(List.of(cells).stream().map(cell -> cell.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |")));
    }

    private void rule(int columns) {
        line("|" + "---|".repeat(columns));
    }

    private void line(String line) {
        text.append(line).append('\n');
    }
}
