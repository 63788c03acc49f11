package io.invoq.app.metrics;

import java.time.Duration;

/**
 * Histogram bucket bounds, few enough that a histogram per function and status code stays cheap,
 * and covering what is measured: function calls and queue waits from milliseconds to an hour,
 * gateway requests from a millisecond to seconds.
 */
final class Buckets {

    static final Duration[] CALLS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
        Duration.ofMinutes(30), Duration.ofHours(1)
    };

    static final Duration[] REQUESTS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)
    };

    private Buckets() {
    }
}
