package io.invoq.bench;

import java.time.Duration;

/** A function the benchmark serves itself: answers 200 with an empty body after {@code latency}. */
record SimulatedFunction(String name, Duration latency) {

    static final SimulatedFunction NO_OP = new SimulatedFunction("noop", Duration.ZERO);
    static final SimulatedFunction TEN_MS = new SimulatedFunction("sleep10", Duration.ofMillis(10));
}
