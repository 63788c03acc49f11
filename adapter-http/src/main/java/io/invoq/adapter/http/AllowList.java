package io.invoq.adapter.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where invoq may send requests: host names ({@code hooks.example.com}), host patterns
 * ({@code *.example.com}, any depth of subdomain) and addresses or CIDR blocks ({@code 10.1.0.0/16},
 * {@code 127.0.0.1}). Empty: anywhere the profile allows. Only an address or block allows an address
 * the profile refuses: a name can be made to resolve to anything.
 */
public final class AllowList {

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

    boolean allowsAddress(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
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
