package io.invoq.bench;

import java.time.Duration;

/** A timed phase stops submitting after {@code calls} or {@code duration}, whichever comes first. */
record PhaseLimit(int calls, Duration duration) {
}
