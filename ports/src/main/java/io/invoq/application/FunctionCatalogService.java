package io.invoq.application;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.domain.FunctionNamespace;
import io.invoq.ports.in.FindFunctionsQuery;
import io.invoq.ports.in.RegisterFunctionUseCase;
import io.invoq.ports.in.RemoveFunctionUseCase;
import io.invoq.ports.out.DestinationPolicy;
import io.invoq.ports.out.FunctionRegistry;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Registers, lists and removes functions in the shared registry; one is found by its name, or by
 * {@code <name>.<namespace>} in invoq's namespace, as the {@link FunctionDirectory} finds it.
 */
public final class FunctionCatalogService implements RegisterFunctionUseCase, RemoveFunctionUseCase, FindFunctionsQuery {

    private final FunctionRegistry registry;
    private final FunctionDirectory directory;
    private final DestinationPolicy destinations;

    public FunctionCatalogService(FunctionRegistry registry, FunctionDirectory directory, DestinationPolicy destinations) {
        this.registry = registry;
        this.directory = directory;
        this.destinations = destinations;
    }

    @Override
    public boolean register(FunctionDefinition function) {
        destinations.checkFunction(function.url());
        return registry.save(function);
    }

    @Override
    public Optional<URI> upstreamUrl(FunctionName name) {
        return directory.upstreamUrl(name);
    }

    @Override
    public boolean remove(FunctionName name) {
        return find(name).map(found -> registry.remove(found.name())).orElse(false);
    }

    @Override
    public List<FunctionDefinition> list() {
        return registry.list().stream()
                .sorted(Comparator.comparing(function -> function.name().value()))
                .toList();
    }

    @Override
    public Optional<FunctionDefinition> find(FunctionName name) {
        return directory.registered(name);
    }

    @Override
    public FunctionNamespace namespace() {
        return directory.namespace();
    }
}
