package io.invoq.ports.contract;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.ports.out.FunctionRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A function registry in a map, shared by the workers and the submissions of one test. */
final class FunctionTable implements FunctionRegistry {

    private final ConcurrentMap<FunctionName, FunctionDefinition> functions = new ConcurrentHashMap<>();
    private final ConcurrentMap<FunctionName, String> failing = new ConcurrentHashMap<>();

    @Override
    public Optional<FunctionDefinition> find(FunctionName name) {
        String failure = failing.get(name);
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return Optional.ofNullable(functions.get(name));
    }

    /** From now on, looking the function up throws with {@code failure}, as a defect in the worker would. */
    void failToFind(FunctionName name, String failure) {
        failing.put(name, failure);
    }

    @Override
    public List<FunctionDefinition> list() {
        return List.copyOf(functions.values());
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
