package io.invoq.ports.in;

import io.invoq.domain.FunctionDefinition;

/** Adds a function, or replaces the one registered under the same name. */
@FunctionalInterface
public interface RegisterFunctionUseCase {

    /** @return true when the function was new */
    boolean register(FunctionDefinition function);
}
