package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.invoq.testkit.Callback;
import io.invoq.testkit.FunctionResponse;
import io.invoq.testkit.InvoqExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * invoq signs its callbacks as Standard Webhooks says; the service receiving them verifies each with
 * the shared secret, here with the Standard Webhooks library, on the callback exactly as received.
 */
class SignedCallbackTest {

    // shared by invoq and the service that receives the callbacks: whsec_ and 24 bytes or more in base64
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @RegisterExtension
    static InvoqExtension invoq = InvoqExtension.inMemory()
            .set("callback_signing_secret", SECRET)              // invoq signs every callback
            .function("pay", request -> FunctionResponse.ok("{\"paid\":\"" + request.bodyText() + "\"}"))
            .build();

    @Test
    void the_payment_callback_is_signed_with_the_shared_secret() throws Exception {
        String callId = invoq.submit("pay", "order-42");

        Callback callback = invoq.awaitCallback(callId);
        Webhook receiver = new Webhook(SECRET);                   // as the service's callback endpoint checks
        receiver.verify(callback.bodyText(), callback.headers());  // throws unless invoq signed this very body
        assertEquals("{\"paid\":\"order-42\"}", callback.bodyText());
        assertEquals(callId + "_" + callback.header("X-Start-Time"), callback.header("webhook-id"));  // the same for every retry of the callback
    }

    @Test
    void a_tampered_body_or_a_replayed_old_callback_is_refused() throws Exception {
        Callback callback = invoq.awaitCallback(invoq.submit("pay", "order-43"));
        Webhook receiver = new Webhook(SECRET);

        String tampered = callback.bodyText().replace("order-43", "order-99");
        assertEquals("No matching signature found", assertThrows(WebhookVerificationException.class,
                () -> receiver.verify(tampered, callback.headers())).getMessage());

        // the same callback, rightly signed but ten minutes old, as a replay of it would be: the timestamp
        // is the real time (verifiers compare it with the system clock), not the testkit's manual clock
        String id = callback.header("webhook-id");
        long tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();
        Map<String, List<String>> replayed = Map.of(
                "webhook-id", List.of(id),
                "webhook-timestamp", List.of(Long.toString(tenMinutesAgo)),
                "webhook-signature", List.of(receiver.sign(id, tenMinutesAgo, callback.bodyText())));
        assertEquals("Message timestamp too old", assertThrows(WebhookVerificationException.class,
                () -> receiver.verify(callback.bodyText(), replayed)).getMessage());
    }
}
