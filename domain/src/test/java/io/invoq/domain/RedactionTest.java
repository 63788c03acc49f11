package io.invoq.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void any_header_whose_name_suggests_a_credential_is_masked_whatever_its_case() {
        for (String name : new String[] {"X-Access-Key", "X-Private-Key", "X-Bearer", "X-Pass", "authorization",
                "Proxy-Authorization", "Cookie", "X-Session-Id", "X-Hub-Signature-256", "X-Client-Secret",
                "x-api_key", "X-Auth-Token", "X-Credential"}) {
            assertThat(Redaction.headerValue(name, "SECRET")).as(name).isEqualTo(Redaction.MASK);
        }
        assertThat(Redaction.headerValue("Content-Type", "text/plain")).isEqualTo("text/plain");
    }

    @Test
    void a_urls_user_information_is_masked_with_or_without_a_scheme_and_in_a_list() {
        assertThat(Redaction.text("http://user:SECRET@example.com:8080/done?x=1"))
                .isEqualTo("http://redacted@example.com:8080/done?x=1");
        assertThat(Redaction.text("user:SECRET@host:4222")).isEqualTo("redacted@host:4222");
        assertThat(Redaction.text("[nats://a:SECRET@h1:4222, b:SECRET@h2:4222]"))
                .isEqualTo("[nats://redacted@h1:4222, redacted@h2:4222]");
        assertThat(Redaction.text("cannot connect (java.io.IOException: x:SECRET@host)")).doesNotContain("SECRET");
    }

    @Test
    void credential_like_query_parameters_are_masked_and_the_others_kept() {
        assertThat(Redaction.text("https://hooks.example.com/done?id=7&access_token=SECRET&sig=ok#top"))
                .isEqualTo("https://hooks.example.com/done?id=7&access_token=redacted&sig=ok#top");
        assertThat(Redaction.text("/cb?apiKey=SECRET")).isEqualTo("/cb?apiKey=redacted");
    }

    @Test
    void text_without_credentials_is_unchanged() {
        assertThat(Redaction.text("nats://127.0.0.1:4222")).isEqualTo("nats://127.0.0.1:4222");
        assertThat(Redaction.text(null)).isNull();
    }
}
