package io.invoq.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** The name a function is invoked by, as in {@code /async-function/<name>}. */
public record FunctionName(String value) {

    /** Room for an OpenFaaS name and namespace; the broker's subjects and keys hold it a few times over. */
    public static final int MAX_LENGTH = 128;
    private static final Pattern ALLOWED = Pattern.compile("[-a-zA-Z_0-9.]+");

    public FunctionName {
        Objects.requireNonNull(value, "function name");
        if (!isValid(value)) {
            throw new IllegalArgumentException("function name must match [-a-zA-Z_0-9.]+");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("function name must be at most " + MAX_LENGTH + " characters");
        }
    }

    public static boolean isValid(String value) {
        return ALLOWED.matcher(value).matches() && !value.equals(".") && !value.equals("..");
    }

    @Override
    public String toString() {
        return value;
    }
}
