package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

    @Test
    void the_defaults_are_port_8080_one_mebibyte_bodies_and_a_week_of_delay() {
        assertThat(GatewaySettings.DEFAULT).isEqualTo(new GatewaySettings(8080, 1_048_576, Duration.ofDays(7)));
    }

    @Test
    void settings_out_of_range_are_refused_naming_what_is_wrong() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewaySettings(65_536, 1, Duration.ZERO))
                .withMessageContaining("port");
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewaySettings(0, 0, Duration.ZERO))
                .withMessageContaining("max request bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewaySettings(0, Integer.MAX_VALUE, Duration.ZERO))
                .withMessageContaining("max request bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewaySettings(0, 1, Duration.ofSeconds(-1)))
                .withMessageContaining("max delay");
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientSettings(Duration.ZERO, Duration.ofSeconds(1)))
                .withMessageContaining("connect timeout");
    }
}
