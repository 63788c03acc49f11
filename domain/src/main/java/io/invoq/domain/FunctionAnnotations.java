package io.invoq.domain;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The annotations of a function that invoq reads, each parsed and checked once, when the function
 * is defined: a function whose annotation invoq cannot use is refused then, naming the annotation,
 * rather than failing each of its calls later. Annotations invoq does not read are left alone.
 *
 * <p>To read a new annotation, declare it here and add it to {@link #READ}.
 */
public final class FunctionAnnotations {

    /** The longest timeout or retry wait an annotation may ask for. */
    public static final Duration LONGEST = Duration.ofHours(24);
    /** The most attempts an annotation may ask for. */
    public static final int MOST_ATTEMPTS = 1000;

    /** The queue the function's calls go to; blank means the default queue. */
    public static final Annotation<QueueName> QUEUE = new Annotation<>("com.openfaas.queue",
            text -> text.isEmpty() ? null : new QueueName(text));
    /** How long one attempt may wait for the function's answer. */
    public static final Annotation<Duration> TIMEOUT = new Annotation<>("com.invoq.timeout",
            text -> duration(text, false));
    public static final Annotation<Integer> RETRY_ATTEMPTS = new Annotation<>("com.openfaas.retry.attempts",
            FunctionAnnotations::attempts);
    public static final Annotation<Set<Integer>> RETRY_CODES = new Annotation<>("com.openfaas.retry.codes",
            RetryPolicy::parseCodes);
    public static final Annotation<Duration> RETRY_MIN_WAIT = new Annotation<>("com.openfaas.retry.min_wait",
            text -> duration(text, true));
    public static final Annotation<Duration> RETRY_MAX_WAIT = new Annotation<>("com.openfaas.retry.max_wait",
            text -> duration(text, false));

    /** In function mode, the most calls of the function running at once across all workers of its queue. */
    public static final Annotation<Integer> MAX_CONCURRENCY = new Annotation<>("com.invoq.max_concurrency",
            FunctionAnnotations::concurrency);
    /** In function mode, the most calls of the function started per second, minute or hour across all workers. */
    public static final Annotation<Rate> RATE = new Annotation<>("com.invoq.rate", Rate::parse);

    private static final List<Annotation<?>> READ = List.of(
            QUEUE, TIMEOUT, RETRY_ATTEMPTS, RETRY_CODES, RETRY_MIN_WAIT, RETRY_MAX_WAIT, MAX_CONCURRENCY, RATE);

    public static final FunctionAnnotations NONE = new FunctionAnnotations(Map.of());

    private final Map<Annotation<?>, Object> values;

    private FunctionAnnotations(Map<Annotation<?>, Object> values) {
        this.values = values;
    }

    /** @throws IllegalArgumentException naming the first annotation invoq reads but cannot use */
    public static FunctionAnnotations parse(Map<String, String> annotations) {
        Map<Annotation<?>, Object> values = new HashMap<>();
        for (Annotation<?> annotation : READ) {
            String text = annotations.get(annotation.name());
            Object value = text == null ? null : annotation.parse(text);
            if (value != null) {
                values.put(annotation, value);
            }
        }
        FunctionAnnotations parsed = new FunctionAnnotations(Map.copyOf(values));
        parsed.checkTogether(annotations);
        return parsed;
    }

    /** The annotation's value, empty when the function does not set it. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(Annotation<T> annotation) {
        return Optional.ofNullable((T) values.get(annotation));
    }

    private void checkTogether(Map<String, String> annotations) {
        Optional<Duration> min = get(RETRY_MIN_WAIT);
        Optional<Duration> max = get(RETRY_MAX_WAIT);
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            throw new IllegalArgumentException("annotation " + RETRY_MIN_WAIT.name() + "='"
                    + annotations.get(RETRY_MIN_WAIT.name()) + "' is longer than " + RETRY_MAX_WAIT.name() + "='"
                    + annotations.get(RETRY_MAX_WAIT.name()) + "'");
        }
    }

    private static Duration duration(String text, boolean zeroAllowed) {
        Duration duration = DurationText.parse(text);
        if (duration.isZero() && !zeroAllowed) {
            throw new IllegalArgumentException("must be longer than zero");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("must be at most " + DurationText.format(LONGEST));
        }
        return duration;
    }

    private static int attempts(String text) {
        int attempts = Integer.parseInt(text);
        if (attempts < 1 || attempts > MOST_ATTEMPTS) {
            throw new IllegalArgumentException("must be from 1 to " + MOST_ATTEMPTS);
        }
        return attempts;
    }

    private static int concurrency(String text) {
        int bound = Integer.parseInt(text);
        if (bound < 1) {
            throw new IllegalArgumentException("must be a whole number of at least 1");
        }
        return bound;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FunctionAnnotations that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "FunctionAnnotations" + values;
    }
}
