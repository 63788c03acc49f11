package io.invoq.adapter.http;

import io.invoq.domain.Headers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/** Passes headers on, to a function or back from one, leaving out those that describe only the hop they arrived on. */
final class OutgoingHeaders {

    /** Hop-by-hop headers (RFC 9110 §7.6.1) and those the HTTP client sets itself from the request it sends. */
    private static final Set<String> NOT_FORWARDED = caseInsensitive(
            "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection", "TE",
            "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Content-Length", "Expect", "HTTP2-Settings");

    private OutgoingHeaders() {
    }

    /** Each forwarded header replaces any the client would set itself, e.g. {@code User-Agent}. */
    static Request copy(Headers headers, Request request) {
        return request.headers(fields -> headers.values().forEach((name, values) -> {
            if (isForwarded(name)) {
                fields.remove(name);
                values.forEach(value -> fields.add(name, value));
            }
        }));
    }

    /** All of a response's headers, as received. */
    static Headers received(HttpFields fields) {
        Map<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : fields) {
            values.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return new Headers(values);
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
