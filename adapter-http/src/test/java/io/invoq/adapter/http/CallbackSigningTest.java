package io.invoq.adapter.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.invoq.adapter.http.StubHttpServer.Received;
import io.invoq.domain.Headers;
import io.invoq.ports.out.Callback;
import io.invoq.ports.out.CallbackSender;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Signed callbacks, verified by the Standard Webhooks reference library for Java, not by the code under test. */
class CallbackSigningTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String OLD_SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "the old secret, 32 bytes long...".getBytes(UTF_8));
    private static final String NEW_SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "the new secret, also 32 bytes...".getBytes(UTF_8));

    private final StubHttpServer receiver = new StubHttpServer();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void a_callback_is_signed_with_each_secret_and_verifies_with_either() throws Exception {
        send(OLD_SECRET + " " + NEW_SECRET, "{\"resized\":true}");

        Received received = receiver.received().get(0);
        String body = new String(received.body(), UTF_8);
        new Webhook(OLD_SECRET).verify(body, lowerCased(received.headers()));
        new Webhook(NEW_SECRET).verify(body, lowerCased(received.headers()));
        assertThat(received.headers().first(CallbackSigner.ID)).hasValue("call-1_1796300000000000000");
        assertThat(Long.parseLong(received.headers().first(CallbackSigner.TIMESTAMP).orElseThrow()))
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(received.headers().first(CallbackSigner.SIGNATURE).orElseThrow().split(" "))
                .hasSize(2).allSatisfy(signature -> assertThat(signature).startsWith("v1,"));
    }

    @Test
    void a_changed_body_or_another_secret_does_not_verify() {
        send(NEW_SECRET, "original");

        Received received = receiver.received().get(0);
        String otherSecret = "whsec_" + Base64.getEncoder().encodeToString("some other secret of 32 bytes...".getBytes(UTF_8));
        assertThatThrownBy(() -> new Webhook(NEW_SECRET).verify("changed", lowerCased(received.headers())))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(otherSecret).verify("original", lowerCased(received.headers())))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void without_secrets_a_callback_carries_no_signature() {
        send("", "plain");

        assertThat(receiver.received().get(0).headers().contains(CallbackSigner.SIGNATURE)).isFalse();
    }

    @Test
    void an_unusable_secret_is_refused_without_showing_it() {
        assertThatThrownBy(() -> CallbackSigningSettings.parse(NEW_SECRET + " not-a-secret-value"))
                .hasMessage("secret 2 of 2 does not start with whsec_");
        assertThatThrownBy(() -> CallbackSigningSettings.parse("whsec_c2hvcnQ="))
                .hasMessage("secret 1 of 1 is shorter than 24 bytes");
    }

    private void send(String secrets, String body) {
        receiver.replyWith(204, Headers.EMPTY, new byte[0]);
        CallbackSender sender = Outbound.wiredWith(ClientSettings.DEFAULT,
                        SecuritySettings.DEFAULT.with(secrets.isEmpty() ? CallbackSigningSettings.NONE : CallbackSigningSettings.parse(secrets)))
                .getInstance(CallbackSender.class);
        Callback callback = new Callback(receiver.uri("/done"), Headers.of(
                "X-Call-Id", "call-1", "X-Start-Time", "1796300000000000000"), body.getBytes(UTF_8));
        assertThat(sender.send(callback)).succeedsWithin(PATIENCE).isEqualTo(204);
    }

    /** The headers as the library looks them up: by lower-case name. */
    private static Map<String, List<String>> lowerCased(Headers headers) {
        Map<String, List<String>> map = new TreeMap<>();
        headers.values().forEach((name, values) -> map.put(name.toLowerCase(Locale.ROOT), values));
        return map;
    }
}
