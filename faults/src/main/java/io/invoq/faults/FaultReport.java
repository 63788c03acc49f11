package io.invoq.faults;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** The Markdown report of a run. */
final class FaultReport {

    private FaultReport() {
    }

    static String markdown(Instant started, boolean quick, List<Verdict> verdicts, Path work) {
        StringBuilder text = new StringBuilder("# invoq fault suite, " + started + " (" + (quick ? "short" : "full")
                + " run): " + (verdicts.stream().allMatch(Verdict::passed) ? "passed" : "FAILED") + "\n");
        for (Verdict verdict : verdicts) {
            text.append("\n## ").append(verdict.phase()).append(": ").append(verdict.passed() ? "passed" : "FAILED")
                    .append("\n\n| check | result |\n|---|---|\n")
                    .append(row("submitted", verdict.submitted()))
                    .append(row("answered 202", verdict.accepted()))
                    .append(row("answers by status (0: no answer)", verdict.answersByStatus().entrySet().stream()
                            .map(entry -> entry.getKey() + ": " + entry.getValue()).collect(Collectors.joining(", "))))
                    .append(row("answers other than 202", verdict.otherAnswers().entrySet().stream()
                            .map(entry -> entry.getValue() + " × " + entry.getKey()).collect(Collectors.joining("; "))))
                    .append(row("lost: accepted, never invoked", verdict.notInvoked().size()))
                    .append(row("lost: accepted, never called back", verdict.notCalledBack().size()))
                    .append(row("duplicates (invocations or callbacks of one call)", verdict.duplicates().size()))
                    .append(row("unexpected (invoked, never accepted nor left unknown)", verdict.unexpected().size()))
                    .append(row("invoked after an unknown outcome (503 or no answer)",
                            verdict.ranAfterUnknownOutcome().size()))
                    .append(row("pending in /system/queues after the drain", verdict.pendingAfterDrain()))
                    .append("\n| fault | longest stretch without a 202 around it | first 202 after the stream's new leader |"
                            + "\n|---|---|---|\n");
            verdict.faults().forEach(fault -> text.append("| " + fault.name() + " | "
                    + seconds(verdict.longestStretchWithout202Millis().get(fault.name())) + " | "
                    + (verdict.first202AfterNewLeaderMillis().containsKey(fault.name())
                            ? seconds(verdict.first202AfterNewLeaderMillis().get(fault.name())) : "") + " |\n"));
            list(text, "Duplicates, call by call", verdict.duplicates());
            list(text, "Unexpected", verdict.unexpected());
            list(text, "Lost (never invoked)", verdict.notInvoked());
            list(text, "Lost (never called back)", verdict.notCalledBack());
            list(text, "Invoked after an unknown outcome", verdict.ranAfterUnknownOutcome());
        }
        return text.append("\nProcess logs: ").append(work).append('\n').toString();
    }

    private static String seconds(long millis) {
        return String.format("%.1f s", millis / 1000.0);
    }

    private static String row(String check, Object result) {
        return "| " + check + " | " + result + " |\n";
    }

    private static void list(StringBuilder text, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            text.append("\n### ").append(title).append("\n\n");
            lines.stream().limit(200).forEach(line -> text.append("- ").append(line).append('\n'));
            if (lines.size() > 200) {
                text.append("- … and ").append(lines.size() - 200).append(" more (see the JSON report)\n");
            }
        }
    }
}
