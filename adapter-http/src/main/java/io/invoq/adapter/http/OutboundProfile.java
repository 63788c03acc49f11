package io.invoq.adapter.http;

import java.util.List;
import java.util.stream.Stream;

/** Which addresses invoq refuses to send requests to unless an allow list names them by address or block. */
public enum OutboundProfile {

    /** Link-local and cloud metadata addresses, and those that are no single host: the quick start keeps working. */
    STANDARD(List.of()),
    /** Also loopback and private networks: functions and callbacks must be elsewhere, or allowed by address. */
    HARDENED(List.of(
            "127.0.0.0/8 a loopback", "::1 a loopback",
            "10.0.0.0/8 a private", "172.16.0.0/12 a private", "192.168.0.0/16 a private", "100.64.0.0/10 a shared (CGNAT)",
            "fc00::/7 a unique local (private)"));

    private static final List<String> ALWAYS = List.of(
            "169.254.0.0/16 a link-local (cloud metadata)", "fe80::/10 a link-local", "fd00:ec2::254 a cloud metadata",
            "100.100.100.200 a cloud metadata", "0.0.0.0/8 an unspecified", ":: an unspecified",
            "224.0.0.0/4 a multicast", "ff00::/8 a multicast", "255.255.255.255 the broadcast");

    private final List<String> more;

    OutboundProfile(List<String> more) {
        this.more = more;
    }

    /** Each refused block, described: {@code "169.254.0.0/16 a link-local (cloud metadata)"}. */
    List<DeniedRange> denied() {
        return Stream.concat(ALWAYS.stream(), more.stream()).map(DeniedRange::parse).toList();
    }

    /** A refused block and what an address in it is, e.g. "a loopback". */
    record DeniedRange(AddressRange range, String what) {
        static DeniedRange parse(String rangeAndWhat) {
            int space = rangeAndWhat.indexOf(' ');
            return new DeniedRange(AddressRange.parse(rangeAndWhat.substring(0, space)), rangeAndWhat.substring(space + 1));
        }
    }
}
