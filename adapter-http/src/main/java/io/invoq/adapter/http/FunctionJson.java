package io.invoq.adapter.http;

import io.invoq.domain.FunctionAnnotations;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** A function as {@code /system/functions} reads and writes it. */
record FunctionJson(String name, String url, Map<String, String> annotations) {

    static final String MASKED = "***";

    /** What is shown of a function: the user name and password a URL may carry are masked. */
    static FunctionJson of(FunctionDefinition function) {
        return new FunctionJson(function.name().value(), withoutCredentials(function.url()), function.annotations());
    }

    static String withoutCredentials(URI url) {
        String credentials = url.getRawUserInfo();
        if (credentials == null) {
            return url.toString();
        }
        return url.toString().replaceFirst("//" + Pattern.quote(credentials) + "@", "//" + MASKED + "@");
    }

    /** @throws BadRequestException when a field is missing or invalid */
    FunctionDefinition toDefinition() {
        if (name == null || url == null) {
            throw new BadRequestException("a function needs a name and a url");
        }
        if (annotations != null && annotations.containsValue(null)) {
            throw new BadRequestException("annotation values must be strings, not null");
        }
        FunctionName functionName = BadRequestException.whenInvalid("name '" + name + "'", () -> new FunctionName(name));
        Map<String, String> given = Objects.requireNonNullElse(annotations, Map.of());
        BadRequestException.whenInvalid("function '" + name + "'", () -> FunctionAnnotations.parse(given));
        return BadRequestException.whenInvalid("url '" + url + "'", () -> new FunctionDefinition(
                functionName, URI.create(url), given));
    }

    /** This function under {@code pathName}, which a name in the body must agree with. */
    FunctionJson named(FunctionName pathName) {
        if (name != null && !name.equals(pathName.value())) {
            throw new BadRequestException(
                    "the name in the body, '" + name + "', differs from the one in the path, '" + pathName + "'");
        }
        return new FunctionJson(pathName.value(), url, annotations);
    }
}
