package io.invoq.ports.in;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import java.net.URI;
import java.util.Optional;

/** Adds a function, or replaces the one registered under the same name. */
@FunctionalInterface
public interface RegisterFunctionUseCase {

    /** @return true when the function was new */
    boolean register(FunctionDefinition function);

    /**
     * Where a function registered without a URL of its own lives: at the upstream gateway invoq sits in
     * front of, when it sits in front of one.
     */
    default Optional<URI> upstreamUrl(FunctionName name) {
        return Optional.empty();
    }
}
