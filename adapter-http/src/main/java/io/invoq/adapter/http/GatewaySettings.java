package io.invoq.adapter.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the gateway listens and what it accepts.
 *
 * @param port            the port to listen on; 0 picks a free one
 * @param maxRequestBytes the largest request body accepted; larger ones are answered 413
 * @param maxDelay        the furthest into the future a call may be deferred with X-Delay or X-Not-Before
 * @param servesApi       whether the API is served (submissions, functions, calls, queues, dead letters, proxy);
 *                        without it only health and what other modules contribute, e.g. metrics
 */
public record GatewaySettings(int port, long maxRequestBytes, Duration maxDelay, boolean servesApi) {

    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1_048_576;
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofDays(7);
    public static final GatewaySettings DEFAULT =
            new GatewaySettings(DEFAULT_PORT, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_DELAY, true);

    /** Bodies are held in one array, so they cannot be larger than an array may be. */
    public static final long LARGEST_REQUEST_BYTES = Integer.MAX_VALUE - 8;

    public GatewaySettings {
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535, not " + port);
        }
        if (maxRequestBytes < 1 || maxRequestBytes > LARGEST_REQUEST_BYTES) {
            throw new IllegalArgumentException(
                    "max request bytes must be 1-" + LARGEST_REQUEST_BYTES + ", not " + maxRequestBytes);
        }
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("max delay must not be negative");
        }
    }

    /** A gateway serving the API. */
    public GatewaySettings(int port, long maxRequestBytes, Duration maxDelay) {
        this(port, maxRequestBytes, maxDelay, true);
    }
}
