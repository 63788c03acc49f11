package io.invoq.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How many calls of one function a worker runs at once when the function pushes back (AIMD): a
 * throttling answer halves the limit, at most once per {@link #COOL_DOWN} so that a burst of
 * answers to calls started together counts as one; every {@code limit} successes in a row raise it
 * by one, up to {@code ceiling}. Never below one.
 *
 * @param limit          calls of the function the worker may run at once now
 * @param ceiling        the most it may ever run: the function's bound, or the worker's slots
 * @param successes      successes since the limit last changed
 * @param lastDecrease   when the limit was last halved
 */
public record AdaptiveLimit(int limit, int ceiling, int successes, Instant lastDecrease) {

    public static final Duration COOL_DOWN = Duration.ofSeconds(1);

    public AdaptiveLimit {
        if (ceiling < 1 || limit < 1 || limit > ceiling) {
            throw new IllegalArgumentException("limit must be between 1 and a ceiling of at least 1");
        }
    }

    /** Full speed: the limit at its ceiling. */
    public static AdaptiveLimit startingAt(int ceiling) {
        return new AdaptiveLimit(ceiling, ceiling, 0, Instant.MIN);
    }

    /** After the function answered {@code 429}, or {@code 503} with a {@code Retry-After}. */
    public AdaptiveLimit throttled(Instant now) {
        if (Duration.between(lastDecrease, now).compareTo(COOL_DOWN) < 0 && !lastDecrease.equals(Instant.MIN)) {
            return new AdaptiveLimit(limit, ceiling, 0, lastDecrease);
        }
        return new AdaptiveLimit(Math.max(1, limit / 2), ceiling, 0, now);
    }

    /** After an answer that did not push back. */
    public AdaptiveLimit succeeded() {
        if (limit == ceiling) {
            return successes == 0 ? this : new AdaptiveLimit(limit, ceiling, 0, lastDecrease);
        }
        return successes + 1 >= limit
                ? new AdaptiveLimit(limit + 1, ceiling, 0, lastDecrease)
                : new AdaptiveLimit(limit, ceiling, successes + 1, lastDecrease);
    }

    /** The same state under a new ceiling, e.g. after the function's bound changed. */
    public AdaptiveLimit withCeiling(int newCeiling) {
        return newCeiling == ceiling ? this
                : new AdaptiveLimit(Math.min(limit, newCeiling), newCeiling, successes, lastDecrease);
    }

    /** Whether a function's status pushes back: {@code 429}, or {@code 503} with a {@code Retry-After}. */
    public static boolean isThrottling(int status, boolean hasRetryAfter) {
        return status == 429 || (status == 503 && hasRetryAfter);
    }
}
