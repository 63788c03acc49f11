package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.adapter.http.HttpGateway;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /openapi.json} is a valid OpenAPI 3 document of exactly the routes a gateway serves. */
class OpenApiDocumentTest {

    private static final Set<String> DOCUMENTED_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final RunningInvoq invoq = RunningInvoq.start(InvoqConfig.load(new String[] {"--port=0"}, Map.of()));

    @AfterEach
    void stop() {
        invoq.close();
    }

    @Test
    void the_document_is_valid_openapi_3_and_documents_every_route_served_and_no_other() {
        HttpResponse<String> served = new InvoqClient(invoq.port()).send("GET", "/openapi.json", null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body(), null, null);

        assertThat(parsed.getMessages()).as("the parser's complaints").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.");
        assertThat(documented(api)).isEqualTo(served(invoq.get(HttpGateway.class)));
    }

    private static Set<String> documented(OpenAPI api) {
        Set<String> operations = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> operations.add(method.name() + " " + shape(path))));
        return operations;
    }

    private static Set<String> served(HttpGateway gateway) {
        return gateway.endpoints().stream()
                .filter(endpoint -> DOCUMENTED_METHODS.contains(endpoint.substring(0, endpoint.indexOf(' '))))
                .map(endpoint -> endpoint.substring(0, endpoint.indexOf(' ') + 1) + shape(endpoint.substring(endpoint.indexOf(' ') + 1)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A path with its parameters unnamed: {@code /a/{x}/<rest>} is {@code /a/{}/{}}. */
    private static String shape(String path) {
        return path.replaceAll("\\{[^}]*}|<[^>]*>", "{}");
    }
}
