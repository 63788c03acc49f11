package io.invoq.adapter.http;

import io.invoq.domain.FunctionAnnotations;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.domain.FunctionNamespace;
import io.invoq.domain.Redaction;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A function as {@code POST} and {@code PUT} on {@code /system/functions} accept it: invoq's
 * {@code {"name", "url", "annotations"}}, or an OpenFaaS {@code FunctionDeployment}
 * ({@code service}, {@code image}, {@code namespace}, {@code labels}, {@code annotations}; the rest,
 * such as {@code envProcess}, {@code secrets} or {@code limits}, concern containers and are ignored),
 * whose function lives at its {@value #URL_ANNOTATION} annotation or else at {@code upstream_url}.
 */
record FunctionRequest(String name, String url, Map<String, String> annotations, Map<String, String> labels,
                       String service, String image, String namespace) {

    static final String URL_ANNOTATION = "com.invoq.url";

    /**
     * @param upstreamUrl where a function without a URL lives, if anywhere
     * @throws BadRequestException when a field is missing or invalid
     */
    FunctionDefinition toDefinition(FunctionNamespace served, Function<FunctionName, Optional<URI>> upstreamUrl) {
        if (name != null && service != null && !name.equals(service)) {
            throw new BadRequestException("name '" + name + "' and service '" + service + "' differ");
        }
        String given = name != null ? name : service;
        if (given == null) {
            throw new BadRequestException("a function needs a name (or, as an OpenFaaS deployment, a service)");
        }
        if (namespace != null && !namespace.isEmpty() && !namespace.equals(served.value())) {
            throw new BadRequestException(
                    "namespace '" + namespace + "' is not served: invoq's functions are in '" + served + "'");
        }
        if ((annotations != null && annotations.containsValue(null)) || (labels != null && labels.containsValue(null))) {
            throw new BadRequestException("annotation and label values must be strings, not null");
        }
        FunctionName functionName = BadRequestException.whenInvalid("name '" + given + "'", () -> new FunctionName(given));
        Map<String, String> annotated = Objects.requireNonNullElse(annotations, Map.of());
        BadRequestException.whenInvalid("function '" + given + "'", () -> FunctionAnnotations.parse(annotated));
        String location = Optional.ofNullable(url).or(() -> Optional.ofNullable(annotated.get(URL_ANNOTATION)))
                .or(() -> upstreamUrl.apply(functionName).map(URI::toString))
                .orElseThrow(() -> new BadRequestException("function '" + given + "' needs a url: give \"url\", "
                        + "the annotation " + URL_ANNOTATION + ", or start invoq with upstream_url"));
        return BadRequestException.whenInvalid("url '" + Redaction.text(location) + "'",
                () -> new FunctionDefinition(functionName, URI.create(location), annotated,
                        Objects.requireNonNullElse(labels, Map.of()), Optional.ofNullable(image).filter(text -> !text.isBlank())));
    }

    /** This function under {@code pathName}, which a name in the body must agree with. */
    FunctionRequest named(FunctionName pathName) {
        String given = name != null ? name : service;
        if (given != null && !given.equals(pathName.value())) {
            throw new BadRequestException(
                    "the name in the body, '" + given + "', differs from the one in the path, '" + pathName + "'");
        }
        return new FunctionRequest(pathName.value(), url, annotations, labels, null, image, namespace);
    }
}
