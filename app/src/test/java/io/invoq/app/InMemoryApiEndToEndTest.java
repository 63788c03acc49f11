package io.invoq.app;

import io.invoq.ports.out.InvocationQueue;
import java.util.List;

/** The system API on the in-memory broker. */
class InMemoryApiEndToEndTest extends ApiEndToEndTest {

    @Override
    List<String> brokerFlags() {
        return List.of();
    }

    /** The in-memory broker cannot be reached once it is closed. */
    @Override
    void takeBrokerDown() {
        invoq.get(InvocationQueue.class).close();
    }
}
