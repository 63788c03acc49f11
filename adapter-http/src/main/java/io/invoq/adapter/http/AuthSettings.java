package io.invoq.adapter.http;

import java.util.Objects;
import java.util.Optional;

/**
 * Who may use the gateway: off (the default) without basic auth and without tokens; with either,
 * the admin routes need credentials, and submitting and {@code /metrics} too when so configured.
 *
 * @param submitNeedsScope  whether submitting and calling functions needs the {@code submit} scope
 * @param metricsNeedsScope whether {@code /metrics} needs the {@code read} scope
 */
public record AuthSettings(Optional<BasicAuth> basic, Optional<TokenList> tokens, boolean submitNeedsScope,
                           boolean metricsNeedsScope) {

    public static final AuthSettings OFF = new AuthSettings(Optional.empty(), Optional.empty(), false, false);

    /** @throws IllegalArgumentException when a route should need credentials but there are none to check */
    public AuthSettings {
        Objects.requireNonNull(basic, "basic");
        Objects.requireNonNull(tokens, "tokens");
        if (basic.isEmpty() && tokens.isEmpty() && (submitNeedsScope || metricsNeedsScope)) {
            throw new IllegalArgumentException("needs basic_auth or auth_tokens_file to check credentials with");
        }
    }

    boolean enabled() {
        return basic.isPresent() || tokens.isPresent();
    }
}
