package io.invoq.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.json}: the OpenAPI 3 document of the whole API, kept beside this class. */
final class OpenApiRoutes implements ApiRoutes {

    static final String DOCUMENT = "openapi.json";

    private final byte[] document;

    OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing beside " + OpenApiRoutes.class.getName());
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DOCUMENT, e);
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/" + DOCUMENT, ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(document));
    }
}
