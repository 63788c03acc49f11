package io.invoq.ports.out;

/** The queue holds as many messages as it may; nothing was stored. Worth retrying later. */
public class QueueFullException extends RuntimeException {

    public QueueFullException(String message) {
        super(message);
    }
}
