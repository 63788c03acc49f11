package io.invoq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.CallState;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** One suite, run on each broker by a subclass: what a user's own suite looks like when it runs on both. */
abstract class BrokerSuite {

    static InvoqExtension.Builder withFunctions(InvoqExtension.Builder builder) {
        return builder
                .function("shout", request -> FunctionResponse.ok(request.bodyText().toUpperCase(Locale.ROOT))
                        .withHeader("X-Shouted", "yes"))
                .function("reject", request -> FunctionResponse.status(400, "bad order"));
    }

    abstract InvoqExtension invoq();

    @Test
    void a_call_reaches_its_function_and_its_result_reaches_the_callback() {
        String callId = invoq().submit("shout", "hello", "X-Call-Id", "shout-1", "X-Order", "42");
        invoq().advance(Duration.ZERO);

        Callback callback = invoq().awaitCallback(callId);
        assertThat(callId).isEqualTo("shout-1");
        assertThat(callback.status()).isEqualTo(200);
        assertThat(callback.bodyText()).isEqualTo("HELLO");
        assertThat(callback.header("X-Shouted")).isEqualTo("yes");
        assertThat(callback.header("X-Function-Name")).isEqualTo("shout");
        FunctionRequest request = invoq().requests("shout").get(0);
        assertThat(request.header("X-Order")).isEqualTo("42");
        assertThat(request.method()).isEqualTo("POST");
        invoq().awaitState(callId, CallState.SUCCEEDED);
    }

    @Test
    void a_status_that_is_not_retried_fails_the_call_at_once_and_keeps_it_as_a_dead_letter() {
        String callId = invoq().submit("reject", "order 7");

        assertThat(invoq().awaitCallback(callId).status()).isEqualTo(400);
        invoq().awaitState(callId, CallState.FAILED);
        assertThat(invoq().send("GET", "/system/queues/faas-request/dead-letters", null).body()).contains(callId);
    }
}
