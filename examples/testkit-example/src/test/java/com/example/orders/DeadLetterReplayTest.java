package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoq.domain.CallState;
import io.invoq.testkit.FunctionResponse;
import io.invoq.testkit.InvoqExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeadLetterReplayTest {

    static final AtomicBoolean fixed = new AtomicBoolean();

    @RegisterExtension
    static InvoqExtension invoq = InvoqExtension.inMemory()
            .set("max_retry_attempts", "3")
            .function("invoice", request -> fixed.get()
                    ? FunctionResponse.ok("invoiced")
                    : FunctionResponse.status(500, "database down"))
            .build();

    @Test
    void a_call_out_of_retries_is_a_dead_letter_and_once_replayed_succeeds() {
        String callId = invoq.submit("invoice", "order-5", "X-Call-Id", "invoice-order-5");
        invoq.advance(Duration.ofMinutes(5));                     // 3 attempts, 10 s and 20 s apart

        assertEquals(500, invoq.awaitCallback(callId).status());
        invoq.awaitState(callId, CallState.DEAD_LETTERED);
        assertTrue(invoq.send("GET", "/system/queues/faas-request/dead-letters", null).body().contains(callId));

        fixed.set(true);                                          // the database is back
        assertEquals(202, invoq.send("POST",
                "/system/queues/faas-request/dead-letters/" + callId + "/replay", null).statusCode());
        invoq.advance(Duration.ZERO);

        assertEquals("invoiced", invoq.awaitCallback(callId).bodyText());
        invoq.awaitState(callId, CallState.SUCCEEDED);
        assertEquals(4, invoq.requests("invoice").size());
    }
}
