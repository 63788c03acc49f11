package io.invoq.app.metrics;

import io.invoq.ports.out.BrokerConnectionEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts the broker connection's reconnections; exported at 0 on a broker that never reconnects. */
final class ReconnectCounter implements BrokerConnectionEvents {

    private static final String RECONNECTS = "queue_worker_nats_reconnect";

    private final Counter reconnects;

    ReconnectCounter(MeterRegistry registry) {
        this.reconnects = Counter.builder(RECONNECTS)
                .description("Times the connection to NATS was lost and established again")
                .register(registry);
    }

    @Override
    public void reconnected() {
        reconnects.increment();
    }
}
