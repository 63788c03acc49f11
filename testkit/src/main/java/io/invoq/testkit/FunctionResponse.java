package io.invoq.testkit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an in-process function answers: a status, headers and a body. */
public record FunctionResponse(int status, Map<String, String> headers, byte[] body) {

    public FunctionResponse {
        headers = Map.copyOf(headers);
    }

    /** {@code 200} with {@code body} as UTF-8 text. */
    public static FunctionResponse ok(String body) {
        return status(200, body);
    }

    /** {@code status} with no body. */
    public static FunctionResponse status(int status) {
        return new FunctionResponse(status, Map.of(), new byte[0]);
    }

    public static FunctionResponse status(int status, String body) {
        return new FunctionResponse(status, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** The same answer with header {@code name} set, e.g. {@code Retry-After}. */
    public FunctionResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new FunctionResponse(status, more, body);
    }
}
