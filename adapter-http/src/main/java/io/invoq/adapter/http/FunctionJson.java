package io.invoq.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionNamespace;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A function as {@code /system/functions} and {@code /system/function/{name}} show it: invoq's
 * {@code name}, {@code url} and {@code annotations}, and the fields of OpenFaaS's
 * {@code FunctionStatus} that its clients read. The user name and password a URL may carry, in
 * {@code url} or in the {@value FunctionRequest#URL_ANNOTATION} annotation, are masked.
 *
 * @param replicas        always 1: invoq runs no replicas, and a client waiting for one must not wait
 * @param invocationCount this gateway's invocations of the function, synchronous and asynchronous
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FunctionJson(String name, String namespace, String url, String image, Map<String, String> annotations,
                    Map<String, String> labels, long replicas, long availableReplicas, long invocationCount) {

    static final String MASKED = "***";
    private static final long ALWAYS_READY = 1;

    static FunctionJson of(FunctionDefinition function, FunctionNamespace namespace, long invocationCount) {
        Map<String, String> annotations = new TreeMap<>(function.annotations());
        annotations.computeIfPresent(FunctionRequest.URL_ANNOTATION, (key, url) -> withoutCredentials(url));
        return new FunctionJson(function.name().value(), namespace.value(), withoutCredentials(function.url().toString()),
                function.image().orElse(null), annotations, new TreeMap<>(function.labels()), ALWAYS_READY, ALWAYS_READY,
                invocationCount);
    }

    static String withoutCredentials(String url) {
        String credentials;
        try {
            credentials = URI.create(url).getRawUserInfo();
        } catch (IllegalArgumentException e) {
            return url;
        }
        return credentials == null
                ? url
                : url.replaceFirst("//" + Pattern.quote(credentials) + "@", "//" + MASKED + "@");
    }
}
