package io.invoq.adapter.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** A block of IPv4 or IPv6 addresses written in CIDR notation, e.g. {@code 10.0.0.0/8}; a bare address is its own block. */
record AddressRange(byte[] network, int prefixLength, String text) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** @throws IllegalArgumentException when {@code text} is no IP address, with or without a prefix length */
    static AddressRange parse(String text) {
        int slash = text.indexOf('/');
        byte[] network = literal(slash < 0 ? text : text.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an address or CIDR block"))
                .getAddress();
        int bits = network.length * 8;
        int prefix = slash < 0 ? bits : prefixLength(text.substring(slash + 1), bits, text);
        return new AddressRange(network, prefix, text);
    }

    /** The address written in {@code host}, when it is an IP literal (IPv6 with or without brackets); no lookup. */
    static java.util.Optional<InetAddress> literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * @param bytes an address as {@link InetAddress#getAddress()} gives it, read once for all the ranges it is
     *              held against
     */
    boolean contains(byte[] bytes) {
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        int mask = (0xff << (8 - rest)) & 0xff;
        return rest == 0 || (bytes[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange that && prefixLength == that.prefixLength
                && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }

    private static int prefixLength(String digits, int bits, String text) {
        try {
            int prefix = Integer.parseInt(digits);
            if (prefix >= 0 && prefix <= bits) {
                return prefix;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' has no prefix length of 0-" + bits);
    }
}
