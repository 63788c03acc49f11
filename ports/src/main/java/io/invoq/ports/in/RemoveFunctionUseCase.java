package io.invoq.ports.in;

import io.invoq.domain.FunctionName;

/** Forgets a function; calls already queued for it fail with 404 when their turn comes. */
@FunctionalInterface
public interface RemoveFunctionUseCase {

    /** @return true when the function was registered */
    boolean remove(FunctionName name);
}
