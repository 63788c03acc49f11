package io.invoq.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** The name a function is invoked by, as in {@code /async-function/<name>}. */
public record FunctionName(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[-a-zA-Z_0-9.]+");

    public FunctionName {
        Objects.requireNonNull(value, "function name");
        if (!ALLOWED.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("function name must match [-a-zA-Z_0-9.]+");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
