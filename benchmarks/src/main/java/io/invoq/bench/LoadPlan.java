package io.invoq.bench;

import java.time.Duration;

/**
 * How hard and how long to drive a target: stops sending after {@code maxRequests} or
 * {@code maxDuration}, whichever comes first, with at most {@code connections} requests outstanding,
 * one per keep-alive connection.
 */
record LoadPlan(int maxRequests, Duration maxDuration, int connections, Pacing pacing) {

    LoadPlan {
        if (maxRequests < 1 || connections < 1) {
            throw new IllegalArgumentException("maxRequests and connections must be positive");
        }
    }
}
