package io.invoq.adapter.http;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.domain.FunctionNamespace;
import io.invoq.ports.in.FindFunctionsQuery;
import io.invoq.ports.in.RegisterFunctionUseCase;
import io.invoq.ports.in.RemoveFunctionUseCase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Functions kept in a map, behind the three function use cases, found as the real catalogue finds them. */
final class FunctionCatalogue implements FindFunctionsQuery, RegisterFunctionUseCase, RemoveFunctionUseCase {

    private final Map<String, FunctionDefinition> functions = new ConcurrentSkipListMap<>();

    @Override
    public List<FunctionDefinition> list() {
        return List.copyOf(functions.values());
    }

    @Override
    public Optional<FunctionDefinition> find(FunctionName name) {
        return namespace().candidates(name).stream().map(candidate -> functions.get(candidate.value()))
                .filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public FunctionNamespace namespace() {
        return FunctionNamespace.DEFAULT;
    }

    @Override
    public boolean register(FunctionDefinition function) {
        return functions.put(function.name().value(), function) == null;
    }

    @Override
    public boolean remove(FunctionName name) {
        return find(name).map(found -> functions.remove(found.name().value()) != null).orElse(false);
    }
}
