package io.invoq.testkit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Skipped where no nats-server is installed. */
class JetStreamBrokerTest extends BrokerSuite {

    @RegisterExtension
    static final InvoqExtension invoq = withFunctions(InvoqExtension.jetStream()).build();

    @Override
    InvoqExtension invoq() {
        return invoq;
    }
}
