package io.invoq.adapter.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How invoq calls out: to functions and to callback URLs.
 *
 * @param connectTimeout  how long to wait for a TCP connection to a function or callback receiver
 * @param callbackTimeout how long a callback receiver may take to answer
 */
public record ClientSettings(Duration connectTimeout, Duration callbackTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CALLBACK_TIMEOUT = Duration.ofSeconds(30);
    public static final ClientSettings DEFAULT = new ClientSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_CALLBACK_TIMEOUT);

    public ClientSettings {
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(callbackTimeout, "callback timeout");
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
