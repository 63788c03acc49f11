package io.invoq.application;

import io.invoq.domain.ScalingMode;
import java.util.Objects;

/**
 * How a worker shares its queue among functions.
 *
 * @param mode                  {@link ScalingMode#STATIC} (publish order) or {@link ScalingMode#FUNCTION}
 * @param defaultMaxConcurrency the most calls of one function that may run at once across all workers
 *                              of the queue, unless the function's annotation says otherwise; 0 for no bound
 * @param adaptive              whether a function that pushes back ({@code 429}, {@code 503} with
 *                              {@code Retry-After}) gets fewer calls at once from this worker for a while
 */
public record FlowSettings(ScalingMode mode, int defaultMaxConcurrency, boolean adaptive) {

    public static final int UNBOUNDED = 0;
    public static final FlowSettings STATIC = new FlowSettings(ScalingMode.STATIC, UNBOUNDED, false);

    public FlowSettings {
        Objects.requireNonNull(mode, "mode");
        if (defaultMaxConcurrency < 0) {
            throw new IllegalArgumentException("max concurrency must not be negative");
        }
    }

    /** Function mode, adaptive, no default bound. */
    public static FlowSettings functionMode() {
        return new FlowSettings(ScalingMode.FUNCTION, UNBOUNDED, true);
    }
}
