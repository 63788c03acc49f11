package io.invoq.app.metrics;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.invoq.adapter.http.GatewayRoutes;
import io.invoq.application.FlowControlledQueue;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.BrokerConnectionEvents;
import io.invoq.ports.out.FunctionInvocationCounts;
import io.invoq.ports.out.GatewayRequestEvents;
import io.invoq.ports.out.InvocationEvents;
import io.invoq.ports.out.InvocationQueue;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;

/**
 * Prometheus metrics, served at {@code GET /metrics} by the gateway: binds the
 * {@link GatewayRequestEvents} and {@link BrokerConnectionEvents} the adapters report to, and adds
 * listeners to the set of {@link InvocationEvents}. Requires the {@link InvocationQueue} and the worker's
 * {@link FlowControlledQueue}.
 */
public final class MetricsModule extends AbstractModule {

    private final QueueName configuredQueue;

    public MetricsModule(QueueName configuredQueue) {
        this.configuredQueue = Objects.requireNonNull(configuredQueue, "configuredQueue");
    }

    @Override
    protected void configure() {
        bind(GatewayRequestEvents.class).to(GatewayMetrics.class);
        bind(FunctionInvocationCounts.class).to(GatewayMetrics.class);
        bind(BrokerConnectionEvents.class).to(ReconnectCounter.class).asEagerSingleton();
        Multibinder.newSetBinder(binder(), InvocationEvents.class).addBinding().to(PendingMessages.class);
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    @Provides
    @Singleton
    GatewayMetrics gatewayMetrics(PrometheusMeterRegistry registry) {
        return new GatewayMetrics(registry);
    }

    @Provides
    @Singleton
    ReconnectCounter reconnectCounter(PrometheusMeterRegistry registry) {
        return new ReconnectCounter(registry);
    }

    @Provides
    @Singleton
    PendingMessages pendingMessages(PrometheusMeterRegistry registry, InvocationQueue broker) {
        return new PendingMessages(registry, broker, configuredQueue);
    }

    @ProvidesIntoSet
    @Singleton
    InvocationEvents invocationMetrics(PrometheusMeterRegistry registry) {
        return new InvocationMetrics(registry, configuredQueue);
    }

    @ProvidesIntoSet
    @Singleton
    InvocationEvents inflightMetrics(PrometheusMeterRegistry registry) {
        return new InflightMetrics(registry);
    }

    @Provides
    @Singleton
    FlowMetrics flowMetrics(PrometheusMeterRegistry registry, FlowControlledQueue flow) {
        return new FlowMetrics(registry, flow, configuredQueue);
    }

    @ProvidesIntoSet
    GatewayRoutes metricsRoutes(PrometheusMeterRegistry registry, PendingMessages pending, FlowMetrics flow) {
        return new MetricsRoutes(registry, pending, flow);
    }
}
