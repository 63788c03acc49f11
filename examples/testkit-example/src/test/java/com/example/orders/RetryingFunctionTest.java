package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoq.domain.CallState;
import io.invoq.testkit.Callback;
import io.invoq.testkit.FunctionResponse;
import io.invoq.testkit.InvoqExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryingFunctionTest {

    @RegisterExtension
    static InvoqExtension invoq = InvoqExtension.inMemory()
            .set("initial_retry_wait", "2m")                    // any invoq configuration key
            .set("max_retry_wait", "5m")
            .function("charge", request -> request.attempt() < 3
                    ? FunctionResponse.status(503)              // fails twice...
                    : FunctionResponse.ok("charged " + request.bodyText()))  // ...then succeeds
            .build();

    @Test
    void a_charge_that_fails_twice_succeeds_on_the_third_attempt_six_minutes_later() {
        Instant start = invoq.now();
        String callId = invoq.submit("charge", "order-42");      // POST /async-function/charge

        invoq.awaitState(callId, CallState.RETRYING);
        invoq.advance(Duration.ofMinutes(10));                  // the waits of 2 and 4 minutes pass at once

        Callback callback = invoq.awaitCallback(callId);
        assertEquals(200, callback.status());
        assertEquals("charged order-42", callback.bodyText());
        assertEquals("3", callback.header("X-Retry"));
        assertEquals(start.plus(Duration.ofMinutes(6)), callback.receivedAt());
        invoq.awaitState(callId, CallState.SUCCEEDED);
    }
}
