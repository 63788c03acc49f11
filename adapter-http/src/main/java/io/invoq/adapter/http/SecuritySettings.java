package io.invoq.adapter.http;

import java.util.Objects;

/**
 * What keeps the gateway safe to expose: bounds on what callers can make it hold, where it may send
 * requests, who may use it, how callbacks are signed, and whether it serves HTTPS.
 */
public record SecuritySettings(Limits limits, OutboundSettings outbound, AuthSettings auth,
                               CallbackSigningSettings callbackSigning, TlsSettings tls) {

    public static final SecuritySettings DEFAULT =
            new SecuritySettings(Limits.DEFAULT, OutboundSettings.DEFAULT, AuthSettings.OFF, CallbackSigningSettings.NONE,
                    TlsSettings.OFF);

    public SecuritySettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(outbound, "outbound");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(callbackSigning, "callbackSigning");
        Objects.requireNonNull(tls, "tls");
    }

    public SecuritySettings with(Limits newLimits) {
        return new SecuritySettings(newLimits, outbound, auth, callbackSigning, tls);
    }

    public SecuritySettings with(OutboundSettings newOutbound) {
        return new SecuritySettings(limits, newOutbound, auth, callbackSigning, tls);
    }

    public SecuritySettings with(AuthSettings newAuth) {
        return new SecuritySettings(limits, outbound, newAuth, callbackSigning, tls);
    }

    public SecuritySettings with(TlsSettings newTls) {
        return new SecuritySettings(limits, outbound, auth, callbackSigning, newTls);
    }

    public SecuritySettings with(CallbackSigningSettings newCallbackSigning) {
        return new SecuritySettings(limits, outbound, auth, newCallbackSigning, tls);
    }

    /**
     * @param maxHops          requests invoq may send one after the other (function, callback, itself) before a
     *                         submission or synchronous call that arrives after them is refused with 508
     * @param maxConnections   connections the gateway holds open at once; past it, it accepts no more until one closes
     * @param maxProxyInflight synchronous calls ({@code /function/...}) in flight at once; more are answered 503
     */
    public record Limits(int maxHops, int maxConnections, int maxProxyInflight) {

        public static final int DEFAULT_MAX_HOPS = 8;
        public static final int DEFAULT_MAX_CONNECTIONS = 4096;
        public static final int DEFAULT_MAX_PROXY_INFLIGHT = 512;
        public static final Limits DEFAULT = new Limits(DEFAULT_MAX_HOPS, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_PROXY_INFLIGHT);

        public Limits {
            requireAtLeastOne(maxHops, "max hops");
            requireAtLeastOne(maxConnections, "max connections");
            requireAtLeastOne(maxProxyInflight, "max proxy in-flight");
        }

        private static void requireAtLeastOne(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, not " + value);
            }
        }
    }
}
