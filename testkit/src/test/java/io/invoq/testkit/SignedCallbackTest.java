package io.invoq.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code callback_signing_secret} set, the sink's callbacks verify with the Standard Webhooks
 * library as received, on the manual clock too: the signature's timestamp is the real time a receiver
 * checks, not the virtual one.
 */
class SignedCallbackTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("a test's signing secret, 32 byte".getBytes(UTF_8));

    @RegisterExtension
    final InvoqExtension invoq = InvoqExtension.inMemory()
            .set("callback_signing_secret", SECRET)
            .function("greet", request -> FunctionResponse.ok("{\"greeting\":\"grüß " + request.bodyText() + "\"}")
                    .withHeader("Content-Type", "application/json"))
            .build();

    @Test
    void a_callback_refused_then_sent_again_two_virtual_hours_on_verifies_as_received() throws Exception {
        invoq.answerCallbacksWith(503);
        String callId = invoq.submit("greet", "Zoë", "X-Delay", "2h");
        invoq.advance(Duration.ofHours(2));
        invoq.answerCallbacksWith(204);
        invoq.advance(Duration.ofSeconds(1));

        Callback callback = invoq.awaitCallback(callId);
        assertThat(callback.receivedAt()).isEqualTo(InvoqExtension.START.plus(Duration.ofHours(2).plusSeconds(1)));
        new Webhook(SECRET).verify(callback.bodyText(), callback.headers());
        assertThat(callback.bodyText()).isEqualTo("{\"greeting\":\"grüß Zoë\"}");
        assertThat(Long.parseLong(callback.header("webhook-timestamp"))).isCloseTo(Instant.now().getEpochSecond(), within(60L));
        assertThat(callback.header("webhook-id")).isEqualTo(callId + "_" + callback.header("X-Start-Time"));
    }

    @Test
    void another_body_or_another_secret_does_not_verify() throws Exception {
        Callback callback = invoq.awaitCallback(invoq.submit("greet", "Ann"));
        String otherSecret = "whsec_" + Base64.getEncoder().encodeToString("another signing secret, 32 bytes".getBytes(UTF_8));

        new Webhook(SECRET).verify(callback.bodyText(), callback.headers());
        assertThatThrownBy(() -> new Webhook(SECRET).verify(callback.bodyText().replace("Ann", "Bob"), callback.headers()))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(otherSecret).verify(callback.bodyText(), callback.headers()))
                .isInstanceOf(WebhookVerificationException.class);
    }
}
