package io.invoq.adapter.jetstream;

import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.QueueName;
import java.util.Optional;

/**
 * Where one queue lives in JetStream. Calls that are due are in the queue's stream, under
 * {@code <queue>.<function>}, consumed by the workers' durable consumer. Calls that are not due
 * yet, because of a later start time or a retry delay, wait in a second stream, under
 * {@code <queue>~delayed.<function>}; {@code ~} cannot occur in a queue name, so these subjects
 * never overlap another queue's. Calls that ended without success are kept in a third, under
 * {@code <queue>~dlq.<call id>}.
 */
record QueueLayout(QueueName queue, String stream, String durable, String delayedStream, String delayedDurable) {

    private static final String DELAYED = "~delayed";
    private static final String DEAD_LETTERS = "~dlq";
    private static final String ESCAPED_DOT = "=2E";

    static QueueLayout of(QueueName queue, JetStreamSettings settings) {
        String stream = settings.streamName(queue);
        String durable = settings.durableName(queue);
        return new QueueLayout(queue, stream, durable, stream + "_delayed", durable + "-delayed");
    }

    String subjects() {
        return queue.value() + ".>";
    }

    String delayedSubjects() {
        return queue.value() + DELAYED + ".>";
    }

    String subject(FunctionName function) {
        return queue.value() + "." + NameTokens.encode(function);
    }

    String delayedSubject(FunctionName function) {
        return queue.value() + DELAYED + "." + NameTokens.encode(function);
    }

    /**
     * The durable consumer of one function's calls in function mode: {@code <durable>-fn-<function>},
     * a dot written as {@value #ESCAPED_DOT}, as consumer names may hold no dot.
     */
    String functionDurable(FunctionName function) {
        return functionDurablePrefix() + function.value().replace(".", ESCAPED_DOT);
    }

    /** What every function consumer's name starts with, and the delayed consumer's does not. */
    String functionDurablePrefix() {
        return durable + "-fn-";
    }

    /** The function a consumer of function mode serves, if {@code consumer} names one. */
    Optional<FunctionName> functionOfDurable(String consumer) {
        if (!consumer.startsWith(functionDurablePrefix())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FunctionName(consumer.substring(functionDurablePrefix().length())
                    .replace(ESCAPED_DOT, ".")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String deadLetterStream() {
        return stream + "_dlq";
    }

    String deadLetterSubjects() {
        return queue.value() + DEAD_LETTERS + ".>";
    }

    String deadLetterSubject(CallId call) {
        return queue.value() + DEAD_LETTERS + "." + CallKeys.of(call);
    }

    /** The function a subject of either stream belongs to, if it is one of this queue's subjects. */
    Optional<FunctionName> functionOf(String subject) {
        for (String prefix : new String[] {queue.value() + ".", queue.value() + DELAYED + "."}) {
            if (subject.startsWith(prefix)) {
                return NameTokens.decode(subject.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }
}
