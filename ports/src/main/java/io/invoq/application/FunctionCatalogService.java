package io.invoq.application;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.ports.in.FindFunctionsQuery;
import io.invoq.ports.in.RegisterFunctionUseCase;
import io.invoq.ports.in.RemoveFunctionUseCase;
import io.invoq.ports.out.FunctionRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Registers, lists and removes functions in the shared registry. */
public final class FunctionCatalogService implements RegisterFunctionUseCase, RemoveFunctionUseCase, FindFunctionsQuery {

    private final FunctionRegistry registry;

    public FunctionCatalogService(FunctionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean register(FunctionDefinition function) {
        return registry.save(function);
    }

    @Override
    public boolean remove(FunctionName name) {
        return registry.remove(name);
    }

    @Override
    public List<FunctionDefinition> list() {
        return registry.list().stream()
                .sorted(Comparator.comparing(function -> function.name().value()))
                .toList();
    }

    @Override
    public Optional<FunctionDefinition> find(FunctionName name) {
        return registry.find(name);
    }
}
