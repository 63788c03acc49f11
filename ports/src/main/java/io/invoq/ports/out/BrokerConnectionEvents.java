package io.invoq.ports.out;

/**
 * What happens to a broker's connection, for metrics. A broker without a connection, such as the
 * in-memory one, never reports anything. Implementations must be fast and must not throw.
 */
public interface BrokerConnectionEvents {

    BrokerConnectionEvents NONE = new BrokerConnectionEvents() {
    };

    /** The connection was lost and is established again. */
    default void reconnected() {
    }
}
