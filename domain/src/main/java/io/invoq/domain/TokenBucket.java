package io.invoq.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The shared start budget of one rate-limited function: {@code tokens} left at {@code at}, refilled
 * at the function's {@link Rate} up to its {@link Rate#burst()}. Each start takes one token. A value:
 * a broker stores it and changes it by compare-and-set, so that every worker of a queue draws on the
 * same budget.
 */
public record TokenBucket(double tokens, Instant at) {

    public TokenBucket {
        Objects.requireNonNull(at, "at");
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must not be negative");
        }
    }

    /** A bucket nobody has drawn on yet: a full burst. */
    public static TokenBucket full(Rate rate, Instant now) {
        return new TokenBucket(rate.burst(), now);
    }

    /** What taking up to {@code wanted} starts now leaves. */
    public Grant take(Rate rate, int wanted, Instant now) {
        TokenBucket refilled = refilled(rate, now);
        int granted = (int) Math.min(wanted, Math.floor(refilled.tokens));
        return new Grant(granted, new TokenBucket(refilled.tokens - granted, refilled.at));
    }

    /** Gives back starts that were taken and not used. */
    public TokenBucket giveBack(Rate rate, int unused, Instant now) {
        TokenBucket refilled = refilled(rate, now);
        return new TokenBucket(Math.min(rate.burst(), refilled.tokens + unused), refilled.at);
    }

    /** How long until one more start is allowed; zero when one is allowed now. */
    public Duration untilNext(Rate rate, Instant now) {
        double missing = 1 - refilled(rate, now).tokens;
        return missing <= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(missing / rate.perNano()));
    }

    private TokenBucket refilled(Rate rate, Instant now) {
        if (!now.isAfter(at)) {
            return this;
        }
        double added = Duration.between(at, now).toNanos() * rate.perNano();
        return new TokenBucket(Math.min(rate.burst(), tokens + added), now);
    }

    /** How many starts were granted, and the bucket after them. */
    public record Grant(int granted, TokenBucket after) {
    }
}
