package io.invoq.application;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.ports.out.FunctionRegistry;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds where a function lives: in the registry, or else, when invoq sits in front of an
 * existing OpenFaaS gateway, at the upstream URL template ({@code {name}} is replaced by the
 * function's name).
 */
public final class FunctionDirectory {

    public static final String NAME_PLACEHOLDER = "{name}";

    private final FunctionRegistry registry;
    private final Optional<String> upstreamTemplate;

    public FunctionDirectory(FunctionRegistry registry, Optional<String> upstreamTemplate) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.upstreamTemplate = Objects.requireNonNull(upstreamTemplate, "upstreamTemplate");
    }

    public Optional<FunctionDefinition> resolve(FunctionName name) {
        return registry.find(name).or(() -> upstreamTemplate.map(template -> upstream(template, name)));
    }

    private static FunctionDefinition upstream(String template, FunctionName name) {
        String url = template.contains(NAME_PLACEHOLDER)
                ? template.replace(NAME_PLACEHOLDER, name.value())
                : template.replaceAll("/+$", "") + "/" + name.value();
        return new FunctionDefinition(name, URI.create(url), Map.of());
    }
}
