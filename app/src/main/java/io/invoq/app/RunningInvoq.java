package io.invoq.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import io.invoq.adapter.http.ClientSettings;
import io.invoq.adapter.http.GatewaySettings;
import io.invoq.adapter.http.HttpAdapterModule;
import io.invoq.adapter.http.HttpGateway;
import io.invoq.adapter.http.OutboundConnections;
import io.invoq.adapter.inmemory.InMemoryBrokerModule;
import io.invoq.adapter.jetstream.JetStreamBrokerModule;
import io.invoq.adapter.inmemory.ManualTimeSource;
import io.invoq.app.metrics.MetricsModule;
import io.invoq.application.CallbackDispatcher;
import io.invoq.application.DrainSwitch;
import io.invoq.application.FlowControlledQueue;
import io.invoq.application.InvocationWorker;
import io.invoq.application.SystemScheduler;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.ports.in.RegisterFunctionUseCase;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.ScalingModeConflictException;
import io.invoq.ports.out.Scheduler;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running invoq process: gateway, worker or both, over the configured broker. */
final class RunningInvoq implements Invoq {

    private static final Logger LOG = LoggerFactory.getLogger(RunningInvoq.class);

    private final InvoqConfig config;
    private final Injector injector;
    private final HttpGateway gateway;
    private final Optional<InvocationWorker> worker;
    private final Scheduler scheduler;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Optional<WorkOnTheManualClock> workOnTheClock;

    private RunningInvoq(InvoqConfig config, Injector injector, Scheduler scheduler) {
        this.config = config;
        this.injector = injector;
        this.scheduler = scheduler;
        this.gateway = injector.getInstance(HttpGateway.class);
        this.worker = config.mode().runsWorker()
                ? Optional.of(injector.getInstance(InvocationWorker.class)) : Optional.empty();
        this.workOnTheClock = scheduler instanceof ManualTimeSource manual && worker.isPresent()
                ? Optional.of(WorkOnTheManualClock.register(manual, injector.getInstance(InvocationQueue.class),
                        config.worker().queue(), injector.getInstance(CallbackDispatcher.class)))
                : Optional.empty();
    }

    static RunningInvoq start(InvoqConfig config) {
        return start(config, Optional.empty(), List.of());
    }

    static RunningInvoq start(InvoqOptions options) {
        return start(options.config(), options.clock(), options.functions());
    }

    private static RunningInvoq start(InvoqConfig config, Optional<Scheduler> clock, List<FunctionDefinition> functions) {
        Scheduler scheduler = clock.orElseGet(() -> new SystemScheduler("invoq-timer"));
        Injector injector = Guice.createInjector(Stage.PRODUCTION, modules(config, scheduler));
        RunningInvoq invoq = new RunningInvoq(config, injector, scheduler);
        invoq.seedFunctions();
        functions.forEach(invoq::register);
        if (invoq.worker.isPresent()) {
            invoq.claimScalingMode();
        }
        invoq.gateway.start();
        invoq.worker.ifPresent(InvocationWorker::start);
        LOG.info("invoq {} mode on port {} with the {} broker", config.mode().name().toLowerCase(),
                invoq.port(), config.broker().name().toLowerCase());
        return invoq;
    }

    @Override
    public int port() {
        return gateway.port();
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void registerFunction(String name, URI url) {
        registerFunction(name, url, Map.of());
    }

    @Override
    public void registerFunction(String name, URI url, Map<String, String> annotations) {
        register(new FunctionDefinition(new FunctionName(name), url, annotations));
    }

    <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    /**
     * Stops taking work, lets running calls finish within {@code shutdown_grace}, hands the rest
     * back to the broker, and closes everything.
     */
    void shutdown() {
        if (stopped.getCount() == 0) {
            return;
        }
        LOG.info("shutting down: draining for up to {}", config.shutdownGrace());
        injector.getInstance(DrainSwitch.class).beginDraining();
        worker.ifPresent(w -> w.drain(config.shutdownGrace()));
        workOnTheClock.ifPresent(WorkOnTheManualClock::unregister);
        gateway.close();
        injector.getInstance(InvocationQueue.class).close();
        injector.getInstance(OutboundConnections.class).close();
        if (scheduler instanceof SystemScheduler own) {
            own.close();
        }
        // logged before the latch opens: main exits the process as soon as it does
        LOG.info("stopped");
        stopped.countDown();
    }

    void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        shutdown();
    }

    /** @throws ConfigurationException when the queue's other workers use another scaling mode */
    private void claimScalingMode() {
        try {
            injector.getInstance(FlowControlledQueue.class).start();
        } catch (ScalingModeConflictException e) {
            injector.getInstance(InvocationQueue.class).close();
            throw new ConfigurationException(e.getMessage());
        }
    }

    private void register(FunctionDefinition function) {
        injector.getInstance(RegisterFunctionUseCase.class).register(function);
    }

    private void seedFunctions() {
        config.functionsFile().ifPresent(path -> {
            List<FunctionDefinition> functions = FunctionsFile.read(path);
            functions.forEach(this::register);
            LOG.info("registered {} function(s) from {}", functions.size(), path);
        });
    }

    private static List<Module> modules(InvoqConfig config, Scheduler scheduler) {
        return List.of(
                new ApplicationModule(config, scheduler),
                brokerModule(config),
                new MetricsModule(config.worker().queue()),
                new HttpAdapterModule(new GatewaySettings(config.port(), config.maxRequestBytes(), config.maxDelay(),
                        config.mode().runsGateway()), ClientSettings.DEFAULT, config.security()));
    }

    private static Module brokerModule(InvoqConfig config) {
        return switch (config.broker()) {
            case INMEMORY -> new InMemoryBrokerModule();
            case JETSTREAM -> new JetStreamBrokerModule(config.nats());
        };
    }
}
