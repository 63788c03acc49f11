package io.invoq.application;

import io.invoq.domain.FunctionDefinition;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How long one attempt may wait for a function: its own timeout annotation, else {@code upstream_timeout}. */
final class UpstreamTimeouts {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamTimeouts.class);

    private final Duration fallback;

    UpstreamTimeouts(Duration fallback) {
        this.fallback = fallback;
    }

    /** An invalid annotation is logged and the fallback used. */
    Duration of(FunctionDefinition function) {
        try {
            return function.upstreamTimeout().orElse(fallback);
        } catch (IllegalArgumentException e) {
            LOG.warn("function {}: {}='{}' is invalid; using {}", function.name(), FunctionDefinition.TIMEOUT_ANNOTATION,
                    function.annotations().get(FunctionDefinition.TIMEOUT_ANNOTATION), fallback);
            return fallback;
        }
    }
}
