package io.invoq.adapter.http;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The secrets callbacks are signed with, Standard Webhooks style ({@code whsec_} and the key in
 * base64), several during a rotation: each signs. Never printed.
 */
public final class CallbackSigningSettings {

    public static final CallbackSigningSettings NONE = new CallbackSigningSettings(List.of());
    static final String PREFIX = "whsec_";
    private static final int SHORTEST_KEY_BYTES = 24;

    private final List<byte[]> keys;

    private CallbackSigningSettings(List<byte[]> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * @param text secrets separated by spaces, each {@code whsec_} and at least 24 bytes in base64
     * @throws IllegalArgumentException saying which secret (by position) is unusable, never showing it
     */
    public static CallbackSigningSettings parse(String text) {
        List<byte[]> keys = new ArrayList<>();
        String[] secrets = text.strip().split("\\s+");
        for (int i = 0; i < secrets.length; i++) {
            if (secrets[i].isEmpty()) {
                continue;
            }
            String which = "secret " + (i + 1) + " of " + secrets.length;
            if (!secrets[i].startsWith(PREFIX)) {
                throw new IllegalArgumentException(which + " does not start with " + PREFIX);
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(secrets[i].substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(which + " is not base64 after " + PREFIX, e);
            }
            if (key.length < SHORTEST_KEY_BYTES) {
                throw new IllegalArgumentException(which + " is shorter than " + SHORTEST_KEY_BYTES + " bytes");
            }
            keys.add(key);
        }
        return new CallbackSigningSettings(keys);
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    List<byte[]> keys() {
        return keys;
    }

    @Override
    public String toString() {
        return "CallbackSigningSettings[" + keys.size() + " redacted]";
    }
}
