package io.invoq.domain;

import java.time.Duration;

/** What to do after an attempt: finish the call, or try again after a delay. */
public sealed interface RetryDecision {

    record Finish(Outcome outcome) implements RetryDecision {
    }

    record RetryAfter(Duration delay) implements RetryDecision {
    }

    enum Outcome {
        SUCCEEDED,
        /** The function answered a status that is not worth retrying. */
        FAILED,
        /** Every allowed attempt was made and the last one still asked for a retry. */
        EXHAUSTED
    }
}
