package io.invoq.app;

import io.invoq.domain.Invocation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What {@code debug=true} logs of a submission: its headers, with the values of credential-like
 * ones (Authorization, Cookie, X-Api-Key, tokens, ...) masked, and the start of its body.
 */
final class SubmissionDetails {

    static final int BODY_PREFIX_BYTES = 256;
    static final String MASK = "redacted";
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i).*(auth|cookie|token|secret|passw|api[-_]?key|session|signature|credential).*");

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
        headers.forEach((name, values) -> shown.put(name, CREDENTIAL.matcher(name).matches() ? List.of(MASK) : values));
        return shown;
    }
}
