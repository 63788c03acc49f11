package io.invoq.app;

import io.invoq.domain.Invocation;
import io.invoq.domain.Redaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code debug=true} logs of a submission: its headers as {@link Redaction} shows them, and
 * the start of its body.
 */
final class SubmissionDetails {

    static final int BODY_PREFIX_BYTES = 256;

    private SubmissionDetails() {
    }

    static String of(Invocation invocation) {
        byte[] body = invocation.body();
        String prefix = new String(body, 0, Math.min(body.length, BODY_PREFIX_BYTES), StandardCharsets.UTF_8);
        return "headers=" + redacted(invocation.headers().values())
                + " body=" + body.length + " bytes" + (body.length == 0 ? "" : ", starting \"" + prefix + "\"");
    }

    private static Map<String, List<String>> redacted(Map<String, List<String>> headers) {
        Map<String, List<String>> shown = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) ->
                shown.put(name, values.stream().map(value -> Redaction.headerValue(name, value)).toList()));
        return shown;
    }
}
