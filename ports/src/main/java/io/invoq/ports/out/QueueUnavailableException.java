package io.invoq.ports.out;

/** The broker cannot be reached or did not confirm; nothing was stored. Worth retrying later. */
public class QueueUnavailableException extends RuntimeException {

    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public QueueUnavailableException(String message) {
        super(message);
    }
}
