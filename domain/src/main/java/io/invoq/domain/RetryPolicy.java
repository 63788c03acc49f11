package io.invoq.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/**
 * When and how often a call is tried again.
 *
 * @param maxAttempts every attempt counts, the first one included
 */
public record RetryPolicy(
        int maxAttempts, Duration initialWait, Duration maxWait, Set<Integer> retryCodes, Backoff backoff) {

    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    public static final Duration DEFAULT_INITIAL_WAIT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(120);
    public static final Set<Integer> DEFAULT_RETRY_CODES = Set.of(408, 429, 500, 502, 503, 504);
    public static final RetryPolicy DEFAULT = new RetryPolicy(
            DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_WAIT, DEFAULT_MAX_WAIT, DEFAULT_RETRY_CODES, Backoff.EXPONENTIAL);

    public static final String ATTEMPTS_ANNOTATION = "com.openfaas.retry.attempts";
    public static final String CODES_ANNOTATION = "com.openfaas.retry.codes";
    public static final String MIN_WAIT_ANNOTATION = "com.openfaas.retry.min_wait";
    public static final String MAX_WAIT_ANNOTATION = "com.openfaas.retry.max_wait";

    public RetryPolicy {
        Objects.requireNonNull(initialWait, "initialWait");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(backoff, "backoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1");
        }
        if (initialWait.isNegative() || maxWait.compareTo(initialWait) < 0) {
            throw new IllegalArgumentException("waits must satisfy 0 <= initial wait <= max wait");
        }
        retryCodes = Set.copyOf(retryCodes);
    }

    /**
     * Decides what follows an attempt.
     *
     * @param attempt    the attempt that just ended, 1-based
     * @param retryAfter what the function asked for in {@code Retry-After}, if anything
     * @param random     numbers in [0, 1) for jitter
     */
    public RetryDecision decide(int attempt, int status, Optional<Duration> retryAfter, DoubleSupplier random) {
        if (status >= 200 && status < 300) {
            return new RetryDecision.Finish(RetryDecision.Outcome.SUCCEEDED);
        }
        if (!retryCodes.contains(status)) {
            return new RetryDecision.Finish(RetryDecision.Outcome.FAILED);
        }
        if (attempt >= maxAttempts) {
            return new RetryDecision.Finish(RetryDecision.Outcome.EXHAUSTED);
        }
        Optional<Duration> asked = (status == 429 || status == 503) ? retryAfter : Optional.empty();
        return new RetryDecision.RetryAfter(asked
                .map(wait -> wait.compareTo(initialWait) < 0 ? initialWait : wait)
                .orElseGet(() -> backoff.delayAfter(attempt, initialWait, maxWait, random)));
    }

    /**
     * This policy with a function's {@code com.openfaas.retry.*} annotations applied. An invalid
     * annotation keeps the value it would have replaced and is reported to {@code onInvalid}.
     */
    public RetryPolicy withAnnotations(java.util.Map<String, String> annotations, Consumer<String> onInvalid) {
        int attempts = override(annotations, ATTEMPTS_ANNOTATION, maxAttempts, Integer::parseInt, onInvalid);
        Set<Integer> codes = override(annotations, CODES_ANNOTATION, retryCodes, RetryPolicy::parseCodes, onInvalid);
        Duration min = override(annotations, MIN_WAIT_ANNOTATION, initialWait, DurationText::parse, onInvalid);
        Duration max = override(annotations, MAX_WAIT_ANNOTATION, maxWait, DurationText::parse, onInvalid);
        try {
            return new RetryPolicy(attempts, min, max, codes, backoff);
        } catch (IllegalArgumentException e) {
            onInvalid.accept("retry annotations ignored: " + e.getMessage());
            return this;
        }
    }

    /** Reads a comma-separated list of HTTP status codes such as {@code 408,429,500}. */
    public static Set<Integer> parseCodes(String text) {
        Set<Integer> codes = Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(code -> !code.isEmpty())
                .map(Integer::parseInt)
                .collect(Collectors.toCollection(TreeSet::new));
        for (int code : codes) {
            if (code < 100 || code > 599) {
                throw new IllegalArgumentException(code + " is not an HTTP status code");
            }
        }
        return codes;
    }

    private static <T> T override(java.util.Map<String, String> annotations, String key, T current,
                                  java.util.function.Function<String, T> parser, Consumer<String> onInvalid) {
        String text = annotations.get(key);
        if (text == null) {
            return current;
        }
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            onInvalid.accept(key + "='" + text + "' is invalid (" + e.getMessage() + "); keeping " + current);
            return current;
        }
    }
}
