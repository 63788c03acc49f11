package io.invoq.app;

import java.util.List;

/** OpenFaaS users' ways on the in-memory broker. */
class InMemoryOpenFaasEndToEndTest extends OpenFaasEndToEndTest {

    @Override
    List<String> brokerFlags() {
        return List.of();
    }
}
