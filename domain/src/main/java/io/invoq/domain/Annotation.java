package io.invoq.domain;

import java.util.Objects;
import java.util.function.Function;

/**
 * One annotation invoq reads from a function, with how its text becomes a value.
 *
 * @param parser turns the trimmed text into the value; throws {@link IllegalArgumentException}
 *               (or an {@link ArithmeticException}) with the reason when it cannot
 */
public record Annotation<T>(String name, Function<String, T> parser) {

    public Annotation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parser, "parser");
    }

    /** @throws IllegalArgumentException naming this annotation and the text when the text is no usable value */
    T parse(String text) {
        try {
            return parser.apply(text.trim());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "annotation " + name + "='" + text + "' cannot be used: " + e.getMessage());
        }
    }
}
