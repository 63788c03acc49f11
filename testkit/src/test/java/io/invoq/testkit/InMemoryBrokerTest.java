package io.invoq.testkit;

import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryBrokerTest extends BrokerSuite {

    @RegisterExtension
    static final InvoqExtension invoq = withFunctions(InvoqExtension.inMemory()).build();

    @Override
    InvoqExtension invoq() {
        return invoq;
    }
}
