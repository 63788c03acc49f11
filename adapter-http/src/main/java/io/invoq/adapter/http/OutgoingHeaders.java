package io.invoq.adapter.http;

import io.invoq.domain.Headers;
import java.net.http.HttpRequest;
import java.util.Set;
import java.util.TreeSet;

/** Passes headers on, to a function or back from one, leaving out those that describe only the hop they arrived on. */
final class OutgoingHeaders {

    /** Hop-by-hop headers (RFC 9110 §7.6.1) and those the JDK client sets itself and refuses from callers. */
    private static final Set<String> NOT_FORWARDED = caseInsensitive(
            "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection", "TE",
            "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Content-Length", "Expect", "HTTP2-Settings");

    private OutgoingHeaders() {
    }

    static HttpRequest.Builder copy(Headers headers, HttpRequest.Builder request) {
        headers.values().forEach((name, values) -> {
            if (isForwarded(name)) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request;
    }

    static boolean isForwarded(String name) {
        return !NOT_FORWARDED.contains(name) && !name.startsWith(":");
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Set.of(names));
        return set;
    }
}
