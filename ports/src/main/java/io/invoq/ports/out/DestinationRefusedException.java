package io.invoq.ports.out;

/** invoq may not send requests to a URL it was given; the message says why. */
public final class DestinationRefusedException extends RuntimeException {

    public DestinationRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
