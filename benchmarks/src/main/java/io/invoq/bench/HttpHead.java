package io.invoq.bench;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The head of an HTTP/1.1 request or response: the start line and the headers, names in lower
 * case. Bodies are framed by {@code Content-Length} only; the benchmark's peers send nothing else.
 */
record HttpHead(String startLine, Map<String, String> headers) {

    /** Heads longer than this are refused: every peer of the benchmark sends a few hundred bytes. */
    static final int MAX_BYTES = 16 * 1024;

    /** The index just past the blank line that ends a head starting at {@code from}, or -1 if it has not all arrived. */
    static int endOf(byte[] bytes, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    static HttpHead parse(byte[] bytes, int from, int end) {
        String[] lines = new String(bytes, from, end - from - 4, StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return new HttpHead(lines[0], headers);
    }

    /** The status code of a response. */
    int status() {
        String[] parts = startLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IllegalStateException("not an HTTP response: " + startLine);
        }
        return Integer.parseInt(parts[1]);
    }

    /** The path of a request, without its query. */
    String path() {
        String[] parts = startLine.split(" ", 3);
        if (parts.length < 3) {
            throw new IllegalStateException("not an HTTP request: " + startLine);
        }
        int query = parts[1].indexOf('?');
        return query < 0 ? parts[1] : parts[1].substring(0, query);
    }

    /** @param lowerCaseName a header name in lower case */
    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    int contentLength() {
        if (headers.containsKey("transfer-encoding")) {
            throw new IllegalStateException("unsupported Transfer-Encoding: " + headers.get("transfer-encoding"));
        }
        String length = headers.get("content-length");
        return length == null ? 0 : Integer.parseInt(length);
    }

    boolean closesConnection() {
        return "close".equalsIgnoreCase(headers.get("connection"));
    }
}
