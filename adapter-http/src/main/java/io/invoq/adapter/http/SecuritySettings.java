package io.invoq.adapter.http;

/**
 * What keeps the gateway safe to expose.
 *
 * @param maxHops          requests invoq may send one after the other (function, callback, itself) before a
 *                         submission or synchronous call that arrives after them is refused with 508
 * @param maxConnections   connections the gateway holds open at once; past it, it accepts no more until one closes
 * @param maxProxyInflight synchronous calls ({@code /function/...}) in flight at once; more are answered 503
 */
public record SecuritySettings(int maxHops, int maxConnections, int maxProxyInflight) {

    public static final int DEFAULT_MAX_HOPS = 8;
    public static final int DEFAULT_MAX_CONNECTIONS = 4096;
    public static final int DEFAULT_MAX_PROXY_INFLIGHT = 512;
    public static final SecuritySettings DEFAULT =
            new SecuritySettings(DEFAULT_MAX_HOPS, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_PROXY_INFLIGHT);

    public SecuritySettings {
        requireAtLeast(1, maxHops, "max hops");
        requireAtLeast(1, maxConnections, "max connections");
        requireAtLeast(1, maxProxyInflight, "max proxy in-flight");
    }

    private static void requireAtLeast(int min, int value, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", not " + value);
        }
    }
}
