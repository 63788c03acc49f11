package io.invoq.adapter.http;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTPS for the gateway: with a key store, the gateway's port serves HTTPS only.
 *
 * @param keyStore the key store (PKCS12 or JKS) holding the gateway's certificate and private key, loaded
 * @param password the password of the key store and of its key
 */
public record TlsSettings(Optional<KeyStore> keyStore, String password) {

    public static final TlsSettings OFF = new TlsSettings(Optional.empty(), "");

    public TlsSettings {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
    }

    /** @throws IllegalArgumentException when the file is not a key store this password opens */
    public static TlsSettings of(Path keyStore, String password) {
        try {
            return new TlsSettings(Optional.of(KeyStore.getInstance(keyStore.toFile(), password.toCharArray())), password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("is not a PKCS12 or JKS key store that its password opens");
        }
    }

    public boolean enabled() {
        return keyStore.isPresent();
    }

    @Override
    public String toString() {
        return "TlsSettings[enabled=" + enabled() + "]";
    }
}
