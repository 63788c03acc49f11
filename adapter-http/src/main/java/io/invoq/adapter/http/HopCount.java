package io.invoq.adapter.http;

import io.invoq.domain.Headers;
import java.util.List;

/**
 * How many requests invoq has sent one after the other to get here: every request invoq sends (to
 * a function, a callback receiver, itself) carries {@value #HEADER}, one more than the call it comes
 * from arrived with. A call with none came from outside, at 0.
 */
final class HopCount {

    static final String HEADER = "X-Invoq-Hops";
    private static final int MOST_DIGITS = 9;

    private HopCount() {
    }

    /** The largest of the header's values, so that a second value cannot lower the count. */
    static int of(Headers headers) {
        return of(headers.values().getOrDefault(HEADER, List.of()));
    }

    static int of(List<String> values) {
        int hops = 0;
        for (String value : values) {
            hops = Math.max(hops, parse(value.trim()));
        }
        return hops;
    }

    /** What a request sent on behalf of a call that arrived with {@code headers} carries. */
    static String next(Headers headers) {
        return Integer.toString(of(headers) + 1);
    }

    private static int parse(String value) {
        if (value.isEmpty() || value.length() > MOST_DIGITS || !value.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("must be a count of hops, not '" + value + "'");
        }
        return Integer.parseInt(value);
    }
}
