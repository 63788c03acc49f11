package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests a fuzzer sends: each gets a 4xx with a one-line reason, never a 500 nor a stack trace. */
class MalformedRequestTest {

    private final RunningGateway gateway = RunningGateway.withDefaults();

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\":\"x\" \"url\"}", "[1]", "\"x\"", "", "{\"name\":\"x\",\"url\":\"http://a\",\"annotations\":\"x\"}",
        "{\"name\":\"x\",\"url\":\"http://a\",\"annotations\":{\"a\":{\"b\":1}}}", "{\"name\":{}}", "{\"name\":",
        "{\"name\":\"x\",\"url\":\"http://a\"} trailing", "\u00ff\u00fe"})
    void malformed_json_registering_a_function_gets_400_with_one_line_naming_no_class(String body) {
        for (HttpResponse<String> response : new HttpResponse[] {
            gateway.send(gateway.request("/system/functions").POST(BodyPublishers.ofString(body))),
            gateway.send(gateway.request("/system/functions/x").PUT(BodyPublishers.ofString(body)))}) {
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).doesNotContain("\n", "io.invoq", "java.", "JsonToken", "Exception",
                    "Source", "line:");
        }
    }

    @Test
    void a_field_of_the_wrong_kind_is_named() {
        HttpResponse<String> response = gateway.send(gateway.request("/system/functions").POST(BodyPublishers.ofString(
                "{\"name\":\"x\",\"url\":\"http://a\",\"annotations\":{\"com.invoq.timeout\":{\"b\":1}}}")));

        assertThat(response.body()).isEqualTo("field 'annotations.com.invoq.timeout' must be a string");
    }

    @ParameterizedTest
    @Timeout(30)
    @ValueSource(strings = {"zz", "ffffffffffffffff", "-1", "1;" })
    void a_garbage_chunk_size_gets_400(String chunkSize) throws IOException {
        for (String path : new String[] {"/async-function/resize", "/system/functions", "/function/resize"}) {
            String answer = exchange("POST " + path + " HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n" + chunkSize + "\r\nabc\r\n0\r\n\r\n", false);

            assertThat(answer).as(path).startsWith("HTTP/1.1 400 ");
            assertThat(gateway.useCases.submissions.commands()).isEmpty();
        }
    }

    @Test
    @Timeout(30)
    void a_body_cut_short_gets_400() throws IOException {
        for (String path : new String[] {"/async-function/resize", "/system/functions"}) {
            String answer = exchange("POST " + path + " HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n"
                    + "Connection: close\r\n\r\nabc", true);

            assertThat(answer).as(path).startsWith("HTTP/1.1 400 ")
                    .endsWith("the request body is cut short or its chunked encoding is malformed");
        }
        assertThat(gateway.useCases.submissions.commands()).isEmpty();
    }

    /** Sends raw bytes and reads the whole answer; {@code halfClose} ends the request's side early. */
    private String exchange(String request, boolean halfClose) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            if (halfClose) {
                socket.shutdownOutput();
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
