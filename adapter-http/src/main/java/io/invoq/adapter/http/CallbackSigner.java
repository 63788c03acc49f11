package io.invoq.adapter.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.client.Request;

/**
 * Signs a callback as the Standard Webhooks specification says, so that receivers verify it with any
 * Standard Webhooks library: {@code webhook-id}, {@code webhook-timestamp} (epoch seconds) and
 * {@code webhook-signature}, one {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} per secret,
 * separated by spaces.
 */
final class CallbackSigner {

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";
    private static final String HMAC = "HmacSHA256";

    private final CallbackSigningSettings secrets;

    CallbackSigner(CallbackSigningSettings secrets) {
        this.secrets = secrets;
    }

    Request sign(Request request, String id, long epochSeconds, byte[] body) {
        if (secrets.isEmpty()) {
            return request;
        }
        byte[] prefix = (id + "." + epochSeconds + ".").getBytes(StandardCharsets.UTF_8);
        String signatures = secrets.keys().stream()
                .map(key -> "v1," + Base64.getEncoder().encodeToString(hmac(key, prefix, body)))
                .collect(Collectors.joining(" "));
        return request.headers(fields -> fields.put(ID, id)
                .put(TIMESTAMP, Long.toString(epochSeconds))
                .put(SIGNATURE, signatures));
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has " + HMAC, e);
        }
    }
}
