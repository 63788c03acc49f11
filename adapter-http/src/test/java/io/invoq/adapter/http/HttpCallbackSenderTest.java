package io.invoq.adapter.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.adapter.http.OutboundSettings.AllowList;
import io.invoq.adapter.http.OutboundSettings.OutboundProfile;
import io.invoq.adapter.http.StubHttpServer.Received;
import io.invoq.domain.Headers;
import io.invoq.ports.out.Callback;
import io.invoq.ports.out.CallbackSender;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpCallbackSenderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration SHORT_CALLBACK_TIMEOUT = Duration.ofMillis(300);

    private final CallbackSender sender = Outbound.wiredWith(ClientSettings.DEFAULT).getInstance(CallbackSender.class);
    /** Only for receivers that stall: a short timeout would fail a healthy first exchange on a busy machine. */
    private final CallbackSender impatientSender = Outbound
            .wiredWith(new ClientSettings(ClientSettings.DEFAULT_CONNECT_TIMEOUT, SHORT_CALLBACK_TIMEOUT))
            .getInstance(CallbackSender.class);
    private final StubHttpServer receiver = new StubHttpServer();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void the_callback_is_posted_with_its_headers_and_body_and_completes_with_the_receivers_status() {
        receiver.replyWith(204, Headers.EMPTY, new byte[0]);
        Callback callback = new Callback(receiver.uri("/hooks/done?token=abc"), Headers.of(
                "X-Call-Id", "call-1", "X-Function-Status", "201", "Content-Type", "text/plain",
                "Content-Length", "999", "Connection", "close"), "resized".getBytes(UTF_8));

        assertThat(sender.send(callback)).succeedsWithin(PATIENCE).isEqualTo(204);

        Received received = receiver.received().get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/hooks/done");
        assertThat(received.query()).isEqualTo("token=abc");
        assertThat(received.headers().first("X-Call-Id")).hasValue("call-1");
        assertThat(received.headers().first("X-Function-Status")).hasValue("201");
        assertThat(received.headers().first("Content-Type")).hasValue("text/plain");
        assertThat(received.headers().first("Content-Length")).hasValue("7");
        assertThat(new String(received.body(), UTF_8)).isEqualTo("resized");
    }

    @Test
    void the_callback_is_one_hop_further_than_the_call_whatever_the_functions_answer_said() {
        receiver.replyWith(204, Headers.EMPTY, new byte[0]);
        Callback callback = new Callback(receiver.uri("/done"), Headers.of(HopCount.HEADER, "0"), new byte[0],
                Headers.of(HopCount.HEADER, "2"));

        assertThat(sender.send(callback)).succeedsWithin(PATIENCE);

        assertThat(receiver.received().get(0).headers().values().get(HopCount.HEADER)).containsExactly("3");
    }

    @Test
    void a_callback_to_a_name_that_resolves_to_a_refused_address_is_not_sent() {
        CallbackSender hardened = Outbound.wiredWith(ClientSettings.DEFAULT, SecuritySettings.DEFAULT.with(
                new OutboundSettings(OutboundProfile.HARDENED, AllowList.ANYWHERE, AllowList.ANYWHERE)))
                .getInstance(CallbackSender.class);
        URI rebinding = URI.create(receiver.uri("/done").toString().replace("127.0.0.1", "localhost"));

        assertThat(hardened.send(new Callback(rebinding, Headers.EMPTY, new byte[0])))
                .failsWithin(PATIENCE).withThrowableThat().havingRootCause()
                .withMessageContaining("localhost (127.0.0.1) is a loopback address");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void a_receivers_error_status_is_reported_not_thrown() {
        receiver.replyWith(500, Headers.EMPTY, new byte[0]);

        assertThat(sender.send(callback(receiver.uri("/hooks/done")))).succeedsWithin(PATIENCE).isEqualTo(500);
    }

    @Test
    void a_receiver_nobody_listens_for_fails_the_callback() throws IOException {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hooks/done");
        }

        assertThat(sender.send(callback(closedPort))).failsWithin(PATIENCE)
                .withThrowableThat().havingCause().isInstanceOf(ConnectException.class);
    }

    @Test
    void a_receiver_slower_than_the_callback_timeout_fails_the_callback() {
        receiver.stallBeforeHeaders();

        assertThat(impatientSender.send(callback(receiver.uri("/hooks/done")))).failsWithin(PATIENCE)
                .withThrowableThat().havingCause().isInstanceOf(TimeoutException.class);
    }

    @Test
    void a_receiver_that_stalls_after_its_headers_fails_the_callback_at_the_timeout() {
        receiver.stallBeforeBody();

        assertThat(impatientSender.send(callback(receiver.uri("/hooks/done")))).failsWithin(PATIENCE)
                .withThrowableThat().havingCause().isInstanceOf(TimeoutException.class);
    }

    private static Callback callback(URI url) {
        return new Callback(url, Headers.of("X-Call-Id", "call-1"), new byte[0]);
    }
}
