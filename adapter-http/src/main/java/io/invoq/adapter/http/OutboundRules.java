package io.invoq.adapter.http;

import io.invoq.adapter.http.OutboundSettings.AllowList;
import io.invoq.adapter.http.OutboundSettings.OutboundProfile.DeniedRange;
import io.invoq.adapter.http.OutboundSettings.OutboundProfile;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where requests of one kind (to functions, or to callback receivers) may go: the profile's refused
 * addresses, and the allow list configured under {@code allowKey}.
 */
final class OutboundRules {

    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");

    private final String allowKey;
    private final AllowList allow;
    private final OutboundProfile profile;
    private final List<DeniedRange> denied;

    OutboundRules(String allowKey, AllowList allow, OutboundProfile profile) {
        this.allowKey = allowKey;
        this.allow = allow;
        this.profile = profile;
        this.denied = profile.denied();
    }

    /** Why a request to {@code url} may not be sent, as far as the URL alone shows (an address, or a name). */
    Optional<String> refusal(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("the URL has no host");
        }
        Optional<InetAddress> literal = AddressRange.literal(host);
        if (literal.isPresent()) {
            return refusal(host, literal.get());
        }
        // a name may still resolve into an allowed block: that is known only when connecting
        return !allow.isEmpty() && !allow.allowsName(host) && !allow.hasRanges()
                ? Optional.of(host + " is not in " + allowKey)
                : Optional.empty();
    }

    /**
     * Why a request to {@code url} may not be sent, looking up its host as the HTTP client is about
     * to (the JVM keeps what it looked up, so the client connects to an address checked here).
     */
    Optional<String> refusalWhenConnecting(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("the URL has no host");
        }
        Optional<InetAddress> literal = AddressRange.literal(host);
        if (literal.isPresent()) {
            return refusal(host, literal.get());
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.empty(); // the client fails on its own, with the same lookup
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(host, address);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private Optional<String> refusal(String host, InetAddress address) {
        byte[] bytes = address.getAddress();
        if (allow.allowsAddress(bytes)) {
            return Optional.empty();
        }
        if (!allow.isEmpty() && !allow.allowsName(host)) {
            return Optional.of(where(host, address) + " is not in " + allowKey);
        }
        for (byte[] each : withEmbeddedIpv4(bytes)) {
            for (DeniedRange range : denied) {
                if (range.range().contains(each)) {
                    return Optional.of(where(host, address) + " is " + range.what() + " address, refused by the "
                            + profile.name().toLowerCase(Locale.ROOT) + " outbound_profile; "
                            + "allow it by address in " + allowKey);
                }
            }
        }
        return Optional.empty();
    }

    private static String where(String host, InetAddress address) {
        return AddressRange.literal(host).isPresent() ? host : host + " (" + address.getHostAddress() + ")";
    }

    /** An IPv6 address that carries an IPv4 one through NAT64 is also checked as that IPv4 address. */
    private static List<byte[]> withEmbeddedIpv4(byte[] address) {
        return NAT64.contains(address) ? List.of(address, Arrays.copyOfRange(address, 12, 16)) : List.of(address);
    }
}
