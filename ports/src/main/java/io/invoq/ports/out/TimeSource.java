package io.invoq.ports.out;

import java.time.Instant;

/** The current time; replaceable so that tests of hour-long schedules run in milliseconds. */
@FunctionalInterface
public interface TimeSource {

    TimeSource SYSTEM = Instant::now;

    Instant now();
}
