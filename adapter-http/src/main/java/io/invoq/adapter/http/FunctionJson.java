package io.invoq.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionNamespace;
import io.invoq.domain.Redaction;
import java.util.Map;
import java.util.TreeMap;

/**
 * A function as {@code /system/functions} and {@code /system/function/{name}} show it: invoq's
 * {@code name}, {@code url} and {@code annotations}, and the fields of OpenFaaS's
 * {@code FunctionStatus} that its clients read. A URL, in {@code url} or in the
 * {@value FunctionRequest#URL_ANNOTATION} annotation, is shown as {@link Redaction} masks it: without
 * its user name and password and the values of credential-like query parameters.
 *
 * @param replicas        always 1: invoq runs no replicas, and a client waiting for one must not wait
 * @param invocationCount this gateway's invocations of the function, synchronous and asynchronous
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FunctionJson(String name, String namespace, String url, String image, Map<String, String> annotations,
                    Map<String, String> labels, long replicas, long availableReplicas, long invocationCount) {

    private static final long ALWAYS_READY = 1;

    static FunctionJson of(FunctionDefinition function, FunctionNamespace namespace, long invocationCount) {
        Map<String, String> annotations = new TreeMap<>(function.annotations());
        annotations.computeIfPresent(FunctionRequest.URL_ANNOTATION, (key, url) -> Redaction.text(url));
        return new FunctionJson(function.name().value(), namespace.value(), Redaction.text(function.url().toString()),
                function.image().orElse(null), annotations, new TreeMap<>(function.labels()), ALWAYS_READY, ALWAYS_READY,
                invocationCount);
    }
}
