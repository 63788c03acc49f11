package io.invoq.ports.in;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import java.util.List;
import java.util.Optional;

/** Reads the registered functions. */
public interface FindFunctionsQuery {

    List<FunctionDefinition> list();

    Optional<FunctionDefinition> find(FunctionName name);
}
