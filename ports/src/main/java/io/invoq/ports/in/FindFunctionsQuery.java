package io.invoq.ports.in;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.domain.FunctionNamespace;
import java.util.List;
import java.util.Optional;

/** Reads the registered functions. */
public interface FindFunctionsQuery {

    List<FunctionDefinition> list();

    /** The function registered under {@code name}, or under {@code name} less a {@code .<namespace>} suffix. */
    Optional<FunctionDefinition> find(FunctionName name);

    /** The namespace every registered function is in. */
    FunctionNamespace namespace();
}
