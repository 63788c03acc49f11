package io.invoq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpHeadTest {

    private static final byte[] RESPONSE = ("HTTP/1.1 202 Accepted\r\nX-Start-Time: 17\r\nContent-Length: 2\r\n"
            + "connection: close\r\n\r\nok").getBytes(StandardCharsets.US_ASCII);

    @Test
    void findsTheEndOfAHeadOnlyOnceItHasAllArrived() {
        assertThat(HttpHead.endOf(RESPONSE, 0, RESPONSE.length)).isEqualTo(RESPONSE.length - 2);
        assertThat(HttpHead.endOf(RESPONSE, 0, RESPONSE.length - 4)).isEqualTo(-1);
    }

    @Test
    void readsAResponse() {
        HttpHead head = HttpHead.parse(RESPONSE, 0, HttpHead.endOf(RESPONSE, 0, RESPONSE.length));

        assertThat(head.status()).isEqualTo(202);
        assertThat(head.header("x-start-time")).isEqualTo("17");
        assertThat(head.contentLength()).isEqualTo(2);
        assertThat(head.closesConnection()).isTrue();
    }

    @Test
    void readsTheRequestPathWithoutItsQuery() {
        byte[] request = "POST /callback?x=1 HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        HttpHead head = HttpHead.parse(request, 0, request.length);

        assertThat(head.path()).isEqualTo("/callback");
        assertThat(head.contentLength()).isZero();
        assertThat(head.closesConnection()).isFalse();
    }

    @Test
    void refusesChunkedBodies() {
        byte[] response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        HttpHead head = HttpHead.parse(response, 0, response.length);

        assertThatThrownBy(head::contentLength).hasMessageContaining("chunked");
    }
}
