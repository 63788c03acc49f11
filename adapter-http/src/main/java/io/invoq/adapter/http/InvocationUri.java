package io.invoq.adapter.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where one invocation is sent: the function's URL with the call's path suffix and query added. */
final class InvocationUri {

    private static final String HEX = "0123456789ABCDEF";
    /** RFC 3986 unreserved, sub-delims and the delimiters that may appear inside a path or query. */
    private static final String LEGAL_SYMBOLS = "-._~!$&'()*+,;=:@/?";

    private InvocationUri() {
    }

    /**
     * @param path  the raw path suffix, {@code ""} or starting with {@code /}
     * @param query the raw query, {@code ""} when there is none
     */
    static URI of(URI function, String path, String query) {
        if (path.isEmpty() && query.isEmpty() && function.getRawFragment() == null) {
            return function;
        }
        String basePath = function.getRawPath() == null ? "" : function.getRawPath();
        String joinedPath = path.isEmpty() ? basePath : stripTrailingSlash(basePath) + escaped(path);
        String joinedQuery = Stream.of(function.getRawQuery(), escaped(query))
                .filter(part -> part != null && !part.isEmpty())
                .collect(Collectors.joining("&"));
        return URI.create(function.getScheme() + "://" + function.getRawAuthority() + joinedPath
                + (joinedQuery.isEmpty() ? "" : "?" + joinedQuery));
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Percent-encodes what {@link URI} refuses but an HTTP server may have let through unencoded,
     * such as {@code {}|"} in a query or a stray {@code %}, so that every accepted call can be sent on.
     */
    private static String escaped(String raw) {
        StringBuilder escaped = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isLegal(c) || (c == '%' && isEscape(raw, i))) {
                escaped.append(c);
            } else {
                int codePoint = raw.codePointAt(i);
                i += Character.charCount(codePoint) - 1;
                for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
                    escaped.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
                }
            }
        }
        return escaped.toString();
    }

    private static boolean isLegal(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || LEGAL_SYMBOLS.indexOf(c) >= 0;
    }

    private static boolean isEscape(String text, int percent) {
        return percent + 2 < text.length()
                && Character.digit(text.charAt(percent + 1), 16) >= 0
                && Character.digit(text.charAt(percent + 2), 16) >= 0;
    }
}
