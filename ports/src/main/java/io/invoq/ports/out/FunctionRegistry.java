package io.invoq.ports.out;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import java.util.List;
import java.util.Optional;

/** Where function definitions are kept, shared by every gateway and worker of a deployment. */
public interface FunctionRegistry {

    Optional<FunctionDefinition> find(FunctionName name);

    List<FunctionDefinition> list();

    /** @return true when no function of that name was registered before */
    boolean save(FunctionDefinition function);

    /** @return true when the function was registered */
    boolean remove(FunctionName name);
}
