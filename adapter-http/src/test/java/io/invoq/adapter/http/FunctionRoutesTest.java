package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionRoutesTest {

    private static final String RESIZE = """
            {"name":"resize","url":"http://resize.fn:8080/","annotations":{"com.openfaas.queue":"images"}}""";
    /** RESIZE as listed: invoq's fields and those of OpenFaaS's FunctionStatus. */
    private static final String RESIZE_SHOWN = shown("resize", "http://resize.fn:8080/", "{\"com.openfaas.queue\":\"images\"}");

    private final RunningGateway gateway = RunningGateway.withDefaults();
    private final FunctionCatalogue functions = gateway.useCases.functions;

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void no_functions_are_listed_as_an_empty_json_array() {
        HttpResponse<String> response = gateway.send(gateway.request("/system/functions").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void a_new_function_is_registered_with_201_and_listed_with_name_url_and_annotations() {
        HttpResponse<String> created = post(RESIZE);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo(RESIZE_SHOWN);
        assertThat(gateway.send(gateway.request("/system/functions").GET()).body()).isEqualTo("[" + RESIZE_SHOWN + "]");
        assertThat(functions.find(new FunctionName("resize"))).contains(new FunctionDefinition(
                new FunctionName("resize"), URI.create("http://resize.fn:8080/"), Map.of("com.openfaas.queue", "images")));
    }

    @Test
    void registering_a_function_again_replaces_it_with_200() {
        post(RESIZE);

        HttpResponse<String> replaced = post("""
                {"name":"resize","url":"http://resize-v2.fn:8080/"}""");

        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.body()).isEqualTo(shown("resize", "http://resize-v2.fn:8080/", "{}"));
    }

    @Test
    void unknown_fields_such_as_those_of_an_openfaas_deployment_are_ignored() {
        HttpResponse<String> created = post("""
                {"name":"resize","url":"http://resize.fn:8080/","image":"ghcr.io/acme/resize:1","envProcess":"node"}""");

        assertThat(created.statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\":\"resize\"                                  | the body is not valid JSON",
        "''                                                    | the body is not valid JSON",
        "[1,2]                                                 | the body is not valid JSON",
        "null                                                  | the body must be a JSON object",
        "{\"url\":\"http://resize.fn/\"}                       | a function needs a name",
        "{\"name\":\"resize\"}                                 | function 'resize' needs a url",
        "{\"name\":\"re/size\",\"url\":\"http://resize.fn/\"}  | name 're/size': function name must match",
        "{\"name\":\"resize\",\"url\":\"ftp://resize.fn/\"}    | url 'ftp://resize.fn/': function url must be",
        "{\"name\":\"resize\",\"url\":\"resize.fn\"}           | url 'resize.fn': function url must be",
        "{\"name\":\"resize\",\"url\":\"http://re size/\"}     | url 'http://re size/'",
        "{\"name\":\"resize\",\"url\":\"http://resize.fn/\",\"annotations\":{\"a\":null}} | annotation and label values must be strings",
        "{\"service\":\"resize\",\"namespace\":\"dev\",\"image\":\"resize:1\"} | namespace 'dev' is not served",
        "{\"name\":\"resize\",\"service\":\"crop\",\"url\":\"http://resize.fn/\"} | name 'resize' and service 'crop' differ"})
    void a_function_that_cannot_be_read_is_refused_with_400_and_a_reason(String body, String reason) {
        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith(reason);
        assertThat(functions.list()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "com.invoq.timeout           | 9999999h",
        "com.invoq.timeout           | 0s",
        "com.openfaas.retry.attempts | 0",
        "com.openfaas.retry.codes    | 5xx",
        "com.openfaas.retry.min_wait | 9999999h",
        "com.openfaas.retry.max_wait | soon",
        "com.openfaas.queue          | ../x",
        "com.openfaas.queue          | a.b",
        "com.openfaas.queue          | *",
        "com.openfaas.queue          | >",
        "com.openfaas.queue          | faas-request~dlq",
        "com.openfaas.queue          | ü",
        "com.invoq.max_concurrency   | 0",
        "com.invoq.max_concurrency   | many",
        "com.invoq.rate              | 50/d",
        "com.invoq.rate              | fast"})
    void a_function_with_an_annotation_invoq_cannot_use_is_refused_with_400_naming_it(String annotation, String value) {
        String body = "{\"name\":\"poison\",\"url\":\"http://127.0.0.1:9/\",\"annotations\":{\""
                + annotation + "\":\"" + value + "\"}}";

        HttpResponse<String> posted = post(body);
        HttpResponse<String> put = put("/system/functions/poison", body);

        for (HttpResponse<String> response : java.util.List.of(posted, put)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).startsWith("function 'poison': annotation " + annotation + "='" + value + "'")
                    .doesNotContain("Exception").doesNotContain("\n");
        }
        assertThat(functions.list()).isEmpty();
    }

    @Test
    void a_user_name_and_password_in_a_functions_url_are_kept_but_never_shown() {
        HttpResponse<String> created = post("""
                {"name":"secret","url":"http://svc:s3cr%2Ft@secret.fn:8080/run?x=1&token=t0k3n"}""");

        String masked = "http://redacted@secret.fn:8080/run?x=1&token=redacted";
        assertThat(created.body()).contains(masked).doesNotContain("s3cr").doesNotContain("t0k3n");
        assertThat(gateway.send(gateway.request("/system/functions").GET()).body()).contains(masked).doesNotContain("s3cr");
        assertThat(gateway.send(gateway.request("/system/functions/secret").GET()).body()).contains(masked)
                .doesNotContain("s3cr");
        assertThat(functions.find(new FunctionName("secret")).orElseThrow().url())
                .isEqualTo(URI.create("http://svc:s3cr%2Ft@secret.fn:8080/run?x=1&token=t0k3n"));
    }

    @Test
    void one_function_is_read_by_name() {
        post(RESIZE);

        HttpResponse<String> response = gateway.send(gateway.request("/system/functions/resize").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(RESIZE_SHOWN);
    }

    @Test
    void reading_removing_an_unknown_function_is_answered_404() {
        assertThat(gateway.send(gateway.request("/system/functions/resize").GET()).statusCode()).isEqualTo(404);
        HttpResponse<String> removal = gateway.send(gateway.request("/system/functions/resize").DELETE());

        assertThat(removal.statusCode()).isEqualTo(404);
        assertThat(removal.body()).isEqualTo("function 'resize' is not registered");
    }

    @Test
    void a_function_addressed_by_a_bad_name_is_refused_with_400() {
        HttpResponse<String> response = gateway.send(gateway.request("/system/functions/re$ize").GET());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("'re$ize': function name must match");
    }

    @Test
    void put_registers_a_function_under_the_name_in_the_path_with_201_then_replaces_it_with_200() {
        HttpResponse<String> created = put("/system/functions/resize", """
                {"url":"http://resize.fn:8080/"}""");
        HttpResponse<String> replaced = put("/system/functions/resize", """
                {"name":"resize","url":"http://resize-v2.fn:8080/"}""");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo(shown("resize", "http://resize.fn:8080/", "{}"));
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(functions.find(new FunctionName("resize"))).hasValueSatisfying(
                function -> assertThat(function.url()).isEqualTo(URI.create("http://resize-v2.fn:8080/")));
    }

    @Test
    void put_with_a_different_name_in_the_body_is_refused_with_400() {
        HttpResponse<String> response = put("/system/functions/resize", RESIZE.replace("\"resize\"", "\"crop\""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("the name in the body, 'crop', differs from the one in the path, 'resize'");
        assertThat(functions.list()).isEmpty();
    }

    @Test
    void a_registered_function_is_removed_with_204() {
        post(RESIZE);

        HttpResponse<String> response = gateway.send(gateway.request("/system/functions/resize").DELETE());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(functions.list()).isEmpty();
    }

    @Test
    void a_function_body_larger_than_the_maximum_is_refused_with_413() {
        try (RunningGateway strictGateway = new RunningGateway(
                new GatewaySettings(0, RESIZE.length() - 1, GatewaySettings.DEFAULT_MAX_DELAY))) {
            HttpResponse<String> response = strictGateway.send(strictGateway.request("/system/functions")
                    .POST(BodyPublishers.ofString(RESIZE)));

            assertThat(response.statusCode()).isEqualTo(413);
        }
    }

    private HttpResponse<String> post(String body) {
        return gateway.send(gateway.request("/system/functions").POST(BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> put(String path, String body) {
        return gateway.send(gateway.request(path).PUT(BodyPublishers.ofString(body)));
    }

    private static String shown(String name, String url, String annotations) {
        return "{\"name\":\"" + name + "\",\"namespace\":\"openfaas-fn\",\"url\":\"" + url + "\",\"annotations\":"
                + annotations + ",\"labels\":{},\"replicas\":1,\"availableReplicas\":1,\"invocationCount\":0}";
    }
}
