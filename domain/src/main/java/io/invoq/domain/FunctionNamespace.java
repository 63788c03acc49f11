package io.invoq.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The namespace invoq's functions are in, as OpenFaaS names them: a function is also called
 * {@code <name>.<namespace>}, split at the last {@code .} as the OpenFaaS gateway does.
 */
public record FunctionNamespace(String value) {

    /** A Kubernetes namespace name (an RFC 1123 label), as OpenFaaS's namespaces are. */
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public static final FunctionNamespace DEFAULT = new FunctionNamespace("openfaas-fn");

    public FunctionNamespace {
        Objects.requireNonNull(value, "namespace");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a namespace is 1-63 characters of [-a-z0-9], starting and ending with a letter or digit");
        }
    }

    /**
     * The names {@code name} may stand for here, the first that is registered winning: the name as it
     * is, then, when it ends in {@code .<this namespace>}, the name before that suffix.
     */
    public List<FunctionName> candidates(FunctionName name) {
        return withoutSuffix(name).map(plain -> List.of(name, plain)).orElseGet(() -> List.of(name));
    }

    /** {@code name} without its {@code .<this namespace>} suffix, when it has one. */
    public Optional<FunctionName> withoutSuffix(FunctionName name) {
        String suffix = "." + value;
        String text = name.value();
        if (!text.endsWith(suffix) || text.length() == suffix.length()) {
            return Optional.empty();
        }
        String plain = text.substring(0, text.length() - suffix.length());
        return FunctionName.isValid(plain) ? Optional.of(new FunctionName(plain)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
