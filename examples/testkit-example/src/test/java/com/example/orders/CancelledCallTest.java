package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoq.domain.CallState;
import io.invoq.testkit.FunctionResponse;
import io.invoq.testkit.InvoqExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CancelledCallTest {

    @RegisterExtension
    static InvoqExtension invoq = InvoqExtension.inMemory()
            .function("ship", request -> FunctionResponse.ok("shipped"))
            .build();

    @Test
    void a_shipment_cancelled_before_its_start_is_never_invoked_nor_called_back() {
        String callId = invoq.submit("ship", "parcel-9", "X-Delay", "30m");

        assertEquals(202, invoq.send("DELETE", "/async-function/" + callId, null).statusCode());
        invoq.advance(Duration.ofHours(1));

        invoq.awaitState(callId, CallState.CANCELLED);
        assertTrue(invoq.requests("ship").isEmpty());
        assertTrue(invoq.callbacks().isEmpty());
    }
}
