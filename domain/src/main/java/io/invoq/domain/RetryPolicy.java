package io.invoq.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
                .map(this::withinWaits)
                .orElseGet(() -> backoff.delayAfter(attempt, initialWait, maxWait, random)));
    }

    /** A wait the function asked for, kept between the waits this policy allows, so that no answer parks a call for days. */
    private Duration withinWaits(Duration asked) {
        return asked.compareTo(initialWait) < 0 ? initialWait : asked.compareTo(maxWait) > 0 ? maxWait : asked;
    }

    /**
     * Decides what follows an attempt that failed inside the worker, before or after the function was
     * called: it counts as an attempt, waits the back-off, and ends the call once attempts are exhausted,
     * so that no failure redelivers a call without bound.
     */
    public RetryDecision afterWorkerFailure(int attempt, DoubleSupplier random) {
        if (attempt >= maxAttempts) {
            return new RetryDecision.Finish(RetryDecision.Outcome.EXHAUSTED);
        }
        return new RetryDecision.RetryAfter(backoff.delayAfter(attempt, initialWait, maxWait, random));
    }

    /**
     * This policy with a function's {@code com.openfaas.retry.*} annotations applied. A wait
     * annotation given alone moves the other wait with it where they would cross: a minimum wait
     * over this policy's maximum raises the maximum to it, a maximum under its minimum lowers the minimum.
     */
    public RetryPolicy withAnnotations(FunctionAnnotations annotations) {
        Optional<Duration> min = annotations.get(FunctionAnnotations.RETRY_MIN_WAIT);
        Optional<Duration> max = annotations.get(FunctionAnnotations.RETRY_MAX_WAIT);
        if (min.isEmpty() && max.isEmpty() && annotations.get(FunctionAnnotations.RETRY_ATTEMPTS).isEmpty()
                && annotations.get(FunctionAnnotations.RETRY_CODES).isEmpty()) {
            return this;
        }
        Duration initial = min.orElse(initialWait);
        Duration longest = max.orElse(maxWait);
        if (initial.compareTo(longest) > 0) {
            if (min.isPresent()) {
                longest = initial;
            } else {
                initial = longest;
            }
        }
        return new RetryPolicy(annotations.get(FunctionAnnotations.RETRY_ATTEMPTS).orElse(maxAttempts), initial,
                longest, annotations.get(FunctionAnnotations.RETRY_CODES).orElse(retryCodes), backoff);
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
}
