package io.invoq.adapter.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A credential held only as its SHA-256 digest and compared in constant time: comparing digests of
 * equal length tells nothing of where a guess differs, nor of the secret's length. Never printed.
 */
final class Secret {

    private final byte[] digest;

    Secret(String value) {
        this.digest = digest(value);
    }

    boolean matches(String candidate) {
        return MessageDigest.isEqual(digest, digest(candidate));
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
