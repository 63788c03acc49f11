package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a configuration error shows: the key, never a secret. */
class SecretsInConfigurationTest {

    @Test
    void an_unusable_signing_secret_is_named_by_its_key_and_not_shown() {
        assertThatThrownBy(() -> load("--callback-signing-secret=whsec_dG9vIHNob3J0"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("callback_signing_secret")
                .hasMessageContaining("shorter than 24 bytes")
                .hasMessageNotContaining("whsec_dG9vIHNob3J0");
    }

    private static InvoqConfig load(String... flags) {
        return InvoqConfig.load(flags, Map.of());
    }
}
