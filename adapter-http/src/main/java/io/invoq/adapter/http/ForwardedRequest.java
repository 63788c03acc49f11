package io.invoq.adapter.http;

import io.invoq.domain.Headers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What of a request addressed to a function is passed on to it. */
final class ForwardedRequest {

    private ForwardedRequest() {
    }

    /** Every header as it arrived, but an {@code Authorization} that held invoq's own credentials. */
    static Headers headers(HttpServletRequest request) {
        boolean authenticated = request.getAttribute(Authenticator.AUTHENTICATED) != null;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!(authenticated && name.equalsIgnoreCase(Authenticator.AUTHORIZATION))) {
                headers.put(name, Collections.list(request.getHeaders(name)));
            }
        }
        return new Headers(headers);
    }

    /**
     * What follows the function name in the raw, still percent-encoded, path: {@code ""} or {@code /a/b}.
     *
     * @param prefix what precedes the function name, e.g. {@code /function/}
     */
    static String pathSuffix(String rawPath, String prefix) {
        String afterPrefix = rawPath.substring(prefix.length());
        int slash = afterPrefix.indexOf('/');
        return slash < 0 ? "" : afterPrefix.substring(slash);
    }
}
