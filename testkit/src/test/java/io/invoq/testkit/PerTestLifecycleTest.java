package io.invoq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registered in an instance field, the extension gives each test an invoq of its own, fresh and at the start time. */
class PerTestLifecycleTest {

    @RegisterExtension
    final InvoqExtension invoq = InvoqExtension.inMemory()
            .function("echo", request -> FunctionResponse.ok(request.bodyText()))
            .build();

    @Test
    void each_test_starts_at_the_same_instant_with_nothing_received() {
        assertThat(invoq.now()).isEqualTo(InvoqExtension.START);
        assertThat(invoq.callbacks()).isEmpty();
        invoq.awaitCallback(invoq.submit("echo", "first"));
        assertThat(invoq.callbacks()).hasSize(1);
    }

    @Test
    void a_second_test_sees_none_of_the_first_ones_calls() {
        assertThat(invoq.now()).isEqualTo(InvoqExtension.START);
        assertThat(invoq.callbacks()).isEmpty();
        assertThat(invoq.requests("echo")).isEmpty();
    }

    @Test
    void a_misspelt_key_fails_where_the_extension_is_declared() {
        assertThatThrownBy(() -> InvoqExtension.inMemory().set("max_retry_atempts", "3").build())
                .hasMessageContaining("max-retry-atempts");
    }
}
