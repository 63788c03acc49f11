package io.invoq.ports.out;

/** The broker cannot store an invocation this large; nothing was stored. Retrying will not help. */
public class InvocationTooLargeException extends RuntimeException {

    public InvocationTooLargeException(String message) {
        super(message);
    }
}
