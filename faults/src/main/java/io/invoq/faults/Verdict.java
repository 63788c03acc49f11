package io.invoq.faults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Jepsen-style checks of one phase: every call answered {@code 202} was invoked and called back;
 * each duplicate invocation or callback is explained by the faults around it; every other answer
 * is counted by status, and none is a 500.
 */
record Verdict(String phase, int submitted, int accepted, Map<Integer, Long> answersByStatus,
               Map<String, Long> otherAnswers, List<String> notInvoked,
               List<String> notCalledBack, List<String> duplicates, List<String> unexpected,
               List<String> ranAfterUnknownOutcome, Map<String, Long> longestStretchWithout202Millis,
               Map<String, Long> first202AfterNewLeaderMillis,
               long pendingAfterDrain, List<Fault> faults) {

    /** Collisions within this long after a fault still count as caused by it, e.g. a lease that ran out. */
    private static final long AFTERMATH_MILLIS = 10_000;

    static Verdict of(String phase, Map<String, Submitter.Answer> answers, Recorder recorder, List<Fault> faults,
                      long pendingAfterDrain) {
        Map<Integer, Long> byStatus = new TreeMap<>(answers.values().stream()
                .collect(Collectors.groupingBy(Submitter.Answer::status, Collectors.counting())));
        Map<String, Long> others = new TreeMap<>(answers.values().stream().filter(answer -> answer.status() != 202)
                .collect(Collectors.groupingBy(answer -> answer.status() + " " + answer.reason(), Collectors.counting())));
        List<String> accepted = answers.values().stream().filter(answer -> answer.status() == 202)
                .map(Submitter.Answer::callId).sorted(byNumber()).toList();
        List<String> notInvoked = accepted.stream().filter(id -> !recorder.invocations().containsKey(id)).toList();
        List<String> notCalledBack = accepted.stream().filter(id -> !recorder.callbacks().containsKey(id)).toList();
        List<String> duplicates = new ArrayList<>();
        explainRepeats("invoked", recorder.invocations(), faults, duplicates);
        explainRepeats("called back", recorder.callbacks(), faults, duplicates);
        List<String> unexpected = new ArrayList<>();
        List<String> afterUnknown = new ArrayList<>();
        recorder.invocations().keySet().stream().sorted(byNumber()).forEach(id -> {
            Submitter.Answer answer = answers.get(id);
            if (answer == null || answer.status() == 202) {
                if (answer == null) {
                    unexpected.add(id + ": invoked, never submitted");
                }
            } else if (answer.status() == 0 || answer.reason().startsWith("unknown outcome")) {
                afterUnknown.add(id + " (answered " + (answer.status() == 0 ? "nothing: " : answer.status() + " ")
                        + answer.reason() + ")");
            } else {
                unexpected.add(id + ": invoked after " + answer.status() + " " + answer.reason());
            }
        });
        Map<String, Long> stretches = new LinkedHashMap<>();
        List<Long> acceptedTimes = answers.values().stream().filter(answer -> answer.status() == 202)
                .map(Submitter.Answer::sentAt).sorted().toList();
        for (Fault fault : faults) {
            long longest = 0;
            for (int i = 1; i < acceptedTimes.size(); i++) {
                long from = acceptedTimes.get(i - 1);
                long to = acceptedTimes.get(i);
                if (fault.overlaps(from, to)) {
                    longest = Math.max(longest, to - from);
                }
            }
            stretches.put(fault.name(), longest);
        }
        Map<String, Long> recoveries = new LinkedHashMap<>();
        faults.stream().filter(fault -> fault.newLeaderAt() > 0).forEach(fault -> answers.values().stream()
                .filter(answer -> answer.status() == 202 && answer.answeredAt() >= fault.newLeaderAt())
                .mapToLong(Submitter.Answer::answeredAt).min()
                .ifPresent(first -> recoveries.put(fault.name(), first - fault.newLeaderAt())));
        return new Verdict(phase, answers.size(), accepted.size(), byStatus, others, notInvoked, notCalledBack, duplicates,
                unexpected, afterUnknown, stretches, recoveries, pendingAfterDrain, faults);
    }

    boolean passed() {
        return notInvoked.isEmpty() && notCalledBack.isEmpty() && unexpected.isEmpty()
                && duplicates.stream().noneMatch(line -> line.contains("unexplained"))
                && answersByStatus.keySet().stream().noneMatch(status -> status >= 500 && status != 503)
                && pendingAfterDrain == 0;
    }

    private static void explainRepeats(String what, Map<String, List<Long>> seen, List<Fault> faults, List<String> into) {
        seen.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .sorted(Map.Entry.comparingByKey(byNumber()))
                .forEach(entry -> {
                    List<Long> times = entry.getValue().stream().sorted().toList();
                    long first = times.get(0);
                    long last = times.get(times.size() - 1);
                    String causes = faults.stream()
                            .filter(fault -> fault.overlaps(first - AFTERMATH_MILLIS, last))
                            .map(Fault::name).collect(Collectors.joining(", "));
                    into.add(entry.getKey() + " " + what + " " + times.size() + " times, " + (last - first)
                            + " ms apart: " + (causes.isEmpty() ? "unexplained" : "around " + causes));
                });
    }

    private static Comparator<String> byNumber() {
        return Comparator.comparingLong(id -> Long.parseLong(id.replaceAll("\\D", "")));
    }
}
