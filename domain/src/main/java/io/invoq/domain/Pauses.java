package io.invoq.domain;

import java.util.Objects;
import java.util.Set;

/**
 * What of a queue is paused: all of it, or some of its functions. A paused call still waits in the
 * broker and is accepted; no worker starts it until it is resumed.
 */
public record Pauses(boolean queue, Set<FunctionName> functions) {

    public static final Pauses NONE = new Pauses(false, Set.of());

    public Pauses {
        functions = Set.copyOf(Objects.requireNonNull(functions, "functions"));
    }

    /** Whether calls of {@code function} may not start now. */
    public boolean holdsBack(FunctionName function) {
        return queue || functions.contains(function);
    }
}
