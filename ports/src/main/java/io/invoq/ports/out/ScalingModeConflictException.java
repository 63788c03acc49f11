package io.invoq.ports.out;

/** The workers of a queue use a scaling mode other than the one this process was started with. */
public final class ScalingModeConflictException extends RuntimeException {

    public ScalingModeConflictException(String message) {
        super(message);
    }
}
