package io.invoq.adapter.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where invoq may send requests (server-side request forgery): checked when a function is registered
 * or a call submitted, and again against the resolved address when invoq connects.
 *
 * @param profile       which addresses are refused unless allowed by address
 * @param functionAllow function URLs (registered, or made from {@code upstream_url}) may only go there, when not empty
 * @param callbackAllow callback URLs may only go there, when not empty
 */
public record OutboundSettings(OutboundProfile profile, AllowList functionAllow, AllowList callbackAllow) {

    public static final OutboundSettings DEFAULT =
            new OutboundSettings(OutboundProfile.STANDARD, AllowList.ANYWHERE, AllowList.ANYWHERE);

    public OutboundSettings {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(functionAllow, "functionAllow");
        Objects.requireNonNull(callbackAllow, "callbackAllow");
    }

    /**
     * Where invoq may send requests: host names ({@code hooks.example.com}), host patterns
     * ({@code *.example.com}, any depth of subdomain) and addresses or CIDR blocks ({@code 10.1.0.0/16},
     * {@code 127.0.0.1}). Empty: anywhere the profile allows. Only an address or block allows an address
     * the profile refuses: a name can be made to resolve to anything.
     */
    public static final class AllowList {

        public static final AllowList ANYWHERE = new AllowList(List.of(), List.of(), "");

        private final List<String> names;
        private final List<AddressRange> ranges;
        private final String text;

        private AllowList(List<String> names, List<AddressRange> ranges, String text) {
            this.names = List.copyOf(names);
            this.ranges = List.copyOf(ranges);
            this.text = text;
        }

        /**
         * @param text entries separated by commas or spaces
         * @throws IllegalArgumentException naming an entry that is no host name, pattern, address or block
         */
        public static AllowList parse(String text) {
            List<String> names = new ArrayList<>();
            List<AddressRange> ranges = new ArrayList<>();
            for (String entry : text.trim().split("[\\s,]+")) {
                if (entry.isEmpty()) {
                    continue;
                }
                if (entry.matches("(\\*\\.)?[a-zA-Z0-9]([-a-zA-Z0-9.]*[a-zA-Z0-9])?") && !entry.matches("[\\d.]+(/\\d+)?")) {
                    names.add(entry.toLowerCase(Locale.ROOT));
                } else {
                    ranges.add(AddressRange.parse(entry));
                }
            }
            return new AllowList(names, ranges, text.trim());
        }

        boolean isEmpty() {
            return names.isEmpty() && ranges.isEmpty();
        }

        boolean hasRanges() {
            return !ranges.isEmpty();
        }

        boolean allowsName(String host) {
            String name = host.toLowerCase(Locale.ROOT);
            return names.stream().anyMatch(entry -> entry.startsWith("*.")
                    ? name.endsWith(entry.substring(1)) : name.equals(entry));
        }

        /** @param address as {@link InetAddress#getAddress()} gives it */
        boolean allowsAddress(byte[] address) {
            for (AddressRange range : ranges) {
                if (range.contains(address)) {
                    return true;
                }
            }
            return false;
        }

        /** The list as it was written. */
        public String text() {
            return text;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AllowList that && names.equals(that.names) && ranges.equals(that.ranges);
        }

        @Override
        public int hashCode() {
            return Objects.hash(names, ranges);
        }

        @Override
        public String toString() {
            return text;
        }
    }

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
}
