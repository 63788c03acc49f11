package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoq.testkit.FunctionResponse;
import io.invoq.testkit.InvoqExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeferredCallTest {

    @RegisterExtension
    static InvoqExtension invoq = InvoqExtension.inMemory()
            .function("remind", request -> FunctionResponse.ok("reminded"))
            .build();

    @Test
    void a_reminder_deferred_by_an_hour_runs_after_an_hour_and_not_before() {
        Instant start = invoq.now();
        String callId = invoq.submit("remind", "invoice-7", "X-Delay", "1h");

        invoq.advance(Duration.ofMinutes(59));
        assertTrue(invoq.requests("remind").isEmpty(), "not invoked before its time");

        invoq.advance(Duration.ofMinutes(1));
        assertEquals(start.plus(Duration.ofHours(1)), invoq.requests("remind").get(0).receivedAt());
        assertEquals("reminded", invoq.awaitCallback(callId).bodyText());
    }
}
