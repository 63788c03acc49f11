package io.invoq.application;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.domain.FunctionNamespace;
import io.invoq.ports.out.FunctionRegistry;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds where a function lives: in the registry, under the name as it is or, for
 * {@code <name>.<namespace>} in invoq's namespace, under {@code <name>}; or else, when invoq sits in
 * front of an existing OpenFaaS gateway, at the upstream URL template, whose {@code {name}} is the
 * function's name and {@code {namespace}} its namespace (split at the last {@code .}, invoq's when
 * the name has none). A template without {@code {namespace}} gets the name as the caller gave it.
 * A function in invoq's namespace is reported by its plain name.
 */
public final class FunctionDirectory {

    public static final String NAME_PLACEHOLDER = "{name}";
    public static final String NAMESPACE_PLACEHOLDER = "{namespace}";

    private final FunctionRegistry registry;
    private final Optional<String> upstreamTemplate;
    private final FunctionNamespace namespace;

    public FunctionDirectory(FunctionRegistry registry, Optional<String> upstreamTemplate, FunctionNamespace namespace) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.upstreamTemplate = Objects.requireNonNull(upstreamTemplate, "upstreamTemplate");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /** In the default namespace. */
    public FunctionDirectory(FunctionRegistry registry, Optional<String> upstreamTemplate) {
        this(registry, upstreamTemplate, FunctionNamespace.DEFAULT);
    }

    public Optional<FunctionDefinition> resolve(FunctionName name) {
        return registered(name).or(() -> upstreamTemplate.map(template -> upstream(template, name)));
    }

    /** The registered function {@code name} stands for: the exact name first. */
    public Optional<FunctionDefinition> registered(FunctionName name) {
        return namespace.candidates(name).stream().map(registry::find).flatMap(Optional::stream).findFirst();
    }

    /** Where the upstream gateway serves {@code name}, when invoq sits in front of one. */
    public Optional<URI> upstreamUrl(FunctionName name) {
        return upstreamTemplate.map(template -> upstream(template, name).url());
    }

    public FunctionNamespace namespace() {
        return namespace;
    }

    private FunctionDefinition upstream(String template, FunctionName name) {
        FunctionName reported = namespace.withoutSuffix(name).orElse(name);
        String url;
        if (template.contains(NAMESPACE_PLACEHOLDER)) {
            int dot = name.value().lastIndexOf('.');
            String plain = dot < 0 ? name.value() : name.value().substring(0, dot);
            String inNamespace = dot < 0 ? namespace.value() : name.value().substring(dot + 1);
            url = template.replace(NAME_PLACEHOLDER, plain).replace(NAMESPACE_PLACEHOLDER, inNamespace);
        } else if (template.contains(NAME_PLACEHOLDER)) {
            url = template.replace(NAME_PLACEHOLDER, name.value());
        } else {
            url = template.replaceAll("/+$", "") + "/" + name.value();
        }
        return new FunctionDefinition(reported, URI.create(url), Map.of());
    }
}
