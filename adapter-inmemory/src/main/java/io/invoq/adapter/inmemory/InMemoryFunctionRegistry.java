package io.invoq.adapter.inmemory;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.ports.out.FunctionRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Function definitions kept in this process's memory; thread-safe. */
final class InMemoryFunctionRegistry implements FunctionRegistry {

    private final ConcurrentMap<FunctionName, FunctionDefinition> functions = new ConcurrentHashMap<>();

    @Override
    public Optional<FunctionDefinition> find(FunctionName name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** Sorted by name. */
    @Override
    public List<FunctionDefinition> list() {
        return functions.values().stream()
                .sorted(Comparator.comparing(function -> function.name().value()))
                .toList();
    }

    @Override
    public boolean save(FunctionDefinition function) {
        return functions.put(function.name(), function) == null;
    }

    @Override
    public boolean remove(FunctionName name) {
        return functions.remove(name) != null;
    }
}
