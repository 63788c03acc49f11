package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoq.adapter.http.OutboundSettings.AllowList;
import io.invoq.adapter.http.OutboundSettings.OutboundProfile;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundRulesTest {

    private static final OutboundRules STANDARD = rules(OutboundProfile.STANDARD, "");
    private static final OutboundRules HARDENED = rules(OutboundProfile.HARDENED, "");

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://169.254.1.1:8080/", "http://[fe80::1]/",
        "http://[fd00:ec2::254]/", "http://[::ffff:169.254.169.254]/", "http://[64:ff9b::a9fe:a9fe]/",
        "http://0.0.0.0:8080/", "http://100.100.100.200/"})
    void link_local_and_cloud_metadata_addresses_are_refused_by_default(String url) {
        assertThat(STANDARD.refusal(URI.create(url))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("refused by the standard outbound_profile").contains("callback_allow"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8082/done", "http://localhost:8082/", "http://10.1.2.3/",
        "http://192.168.1.10/", "http://[::1]:8080/", "https://hooks.example.com/x"})
    void loopback_private_and_public_destinations_are_fine_by_default_as_the_quick_start_needs(String url) {
        assertThat(STANDARD.refusal(URI.create(url))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8082/done", "http://127.9.9.9/", "http://10.1.2.3/", "http://172.20.0.1/",
        "http://192.168.1.10/", "http://[::1]:8080/", "http://[fd12::1]/", "http://100.64.0.1/"})
    void the_hardened_profile_also_refuses_loopback_and_private_addresses(String url) {
        assertThat(HARDENED.refusal(URI.create(url))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("refused by the hardened outbound_profile"));
    }

    @Test
    void a_name_is_checked_by_the_address_it_resolves_to_when_connecting() {
        URI url = URI.create("http://localhost:8082/done");

        assertThat(HARDENED.refusal(url)).isEmpty();
        assertThat(HARDENED.refusalWhenConnecting(url)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("localhost (127.0.0.1) is a loopback address"));
        assertThat(STANDARD.refusalWhenConnecting(url)).isEmpty();
    }

    @Test
    void an_address_or_block_in_the_allow_list_allows_what_the_profile_refuses_but_a_name_does_not() {
        OutboundRules allowed = rules(OutboundProfile.HARDENED, "169.254.169.254, 127.0.0.0/8 localhost");

        assertThat(allowed.refusal(URI.create("http://169.254.169.254/"))).isEmpty();
        assertThat(allowed.refusalWhenConnecting(URI.create("http://localhost:1/"))).isEmpty();
        assertThat(rules(OutboundProfile.HARDENED, "localhost").refusalWhenConnecting(URI.create("http://localhost:1/")))
                .isPresent();
    }

    @Test
    void with_an_allow_list_only_what_it_names_is_allowed() {
        OutboundRules hooks = rules(OutboundProfile.STANDARD, "hooks.example.com *.internal.example.com");

        assertThat(hooks.refusal(URI.create("https://hooks.example.com/done"))).isEmpty();
        assertThat(hooks.refusal(URI.create("https://HOOKS.example.com/done"))).isEmpty();
        assertThat(hooks.refusal(URI.create("https://a.b.internal.example.com/"))).isEmpty();
        assertThat(hooks.refusal(URI.create("https://internal.example.com.evil.io/")))
                .contains("internal.example.com.evil.io is not in callback_allow");
        assertThat(hooks.refusal(URI.create("http://127.0.0.1:8082/"))).contains("127.0.0.1 is not in callback_allow");
    }

    @Test
    void a_name_outside_an_allow_list_of_blocks_is_judged_when_connecting() {
        OutboundRules blocks = rules(OutboundProfile.STANDARD, "127.0.0.0/8");

        assertThat(blocks.refusal(URI.create("http://localhost:1/"))).isEmpty();
        assertThat(blocks.refusalWhenConnecting(URI.create("http://localhost:1/"))).isEmpty();
        assertThat(blocks.refusal(URI.create("http://10.0.0.1/"))).contains("10.0.0.1 is not in callback_allow");
    }

    @Test
    void an_unreadable_allow_list_entry_is_refused_naming_it() {
        assertThatThrownBy(() -> AllowList.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> AllowList.parse("hooks.example.com, http://x")).hasMessageContaining("http://x");
        assertThat(AllowList.parse(" ").isEmpty()).isTrue();
    }

    private static OutboundRules rules(OutboundProfile profile, String allow) {
        return new OutboundRules("callback_allow", AllowList.parse(allow), profile);
    }

}
