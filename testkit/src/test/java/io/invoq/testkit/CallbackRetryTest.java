package io.invoq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.CallState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Callbacks the sink refuses are retried on the manual clock, 1, 2, 4 and 8 s apart. */
class CallbackRetryTest {

    @RegisterExtension
    final InvoqExtension invoq = InvoqExtension.inMemory()
            .function("notify", request -> FunctionResponse.ok("sent"))
            .build();

    @Test
    void a_refused_callback_is_sent_again_after_its_back_off_and_is_received_once_the_sink_accepts_it() {
        Instant start = invoq.now();
        invoq.answerCallbacksWith(503);
        String callId = invoq.submit("notify", "");

        invoq.advance(Duration.ofMillis(2500));
        assertThat(invoq.callbacks()).isEmpty();
        assertThat(invoq.requests("notify")).hasSize(1);

        invoq.answerCallbacksWith(204);
        invoq.advance(Duration.ofSeconds(1));

        Callback callback = invoq.awaitCallback(callId);
        assertThat(callback.receivedAt()).isEqualTo(start.plusSeconds(3));
        assertThat(callback.bodyText()).isEqualTo("sent");
        invoq.awaitState(callId, CallState.SUCCEEDED);
    }
}
