package io.invoq.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies one asynchronous call; also the de-duplication key on the broker. */
public record CallId(String value) {

    public static final int MAX_LENGTH = 128;
    private static final Pattern ALLOWED = Pattern.compile("[-A-Za-z0-9_.:]{1," + MAX_LENGTH + "}");

    public CallId {
        Objects.requireNonNull(value, "call id");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "call id must be 1-" + MAX_LENGTH + " characters of [-A-Za-z0-9_.:]");
        }
    }

    public static CallId generate() {
        return new CallId(UUID.randomUUID().toString());
    }

    /**
     * The id of the call this call's callback makes to {@code next}: {@code <id>:<next>}, or, when
     * that is longer than {@value #MAX_LENGTH} characters, {@code chain:} and its SHA-256 in hex. The
     * same for every retry of the callback, so that the broker takes a retried one as a duplicate.
     */
    public CallId chainedTo(FunctionName next) {
        String chained = value + ":" + next.value();
        return new CallId(chained.length() <= MAX_LENGTH ? chained : "chain:" + sha256(chained));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
