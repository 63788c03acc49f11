package io.invoq.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.invoq.application.AdaptiveConcurrency;
import io.invoq.application.CallHistory;
import io.invoq.application.CallRunner;
import io.invoq.application.CallStatusService;
import io.invoq.application.CallbackDispatcher;
import io.invoq.application.DeadLetterService;
import io.invoq.application.DrainSwitch;
import io.invoq.application.FunctionCatalogService;
import io.invoq.application.FlowControlledQueue;
import io.invoq.application.FunctionDirectory;
import io.invoq.application.InvocationWorker;
import io.invoq.application.LeaseExtender;
import io.invoq.application.QueueAdministrationService;
import io.invoq.application.ReadinessService;
import io.invoq.application.SubmitInvocationService;
import io.invoq.application.SyncInvocationService;
import io.invoq.application.WorkerSettings;
import io.invoq.ports.in.CallStatusQuery;
import io.invoq.ports.in.CancelCallUseCase;
import io.invoq.ports.in.DeadLetterQuery;
import io.invoq.ports.in.FindFunctionsQuery;
import io.invoq.ports.in.InvokeFunctionUseCase;
import io.invoq.ports.in.PauseQueueUseCase;
import io.invoq.ports.in.PurgeQueueUseCase;
import io.invoq.ports.in.QueueStatusQuery;
import io.invoq.ports.in.ReadinessQuery;
import io.invoq.ports.in.RegisterFunctionUseCase;
import io.invoq.ports.in.RemoveFunctionUseCase;
import io.invoq.ports.in.ReplayDeadLetterUseCase;
import io.invoq.ports.in.SubmitInvocationUseCase;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.CallLedgerSettings;
import io.invoq.ports.out.CallbackSender;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.DestinationPolicy;
import io.invoq.ports.out.DeadLetters;
import io.invoq.ports.out.FunctionInvoker;
import io.invoq.ports.out.FunctionRegistry;
import io.invoq.ports.out.InvocationEvents;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueControls;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.Scheduler;
import io.invoq.ports.out.TimeSource;
import java.util.Set;

/**
 * Binds the use cases to the application services, over whichever adapters are installed. What
 * happens to calls goes to every {@link InvocationEvents} other modules add to the set, and to the log.
 */
final class ApplicationModule extends AbstractModule {

    private final InvoqConfig config;
    private final Scheduler scheduler;

    /** @param scheduler the one clock and timer of the process: every wait, the brokers', the leases' and the callbacks', is on it */
    ApplicationModule(InvoqConfig config, Scheduler scheduler) {
        this.config = config;
        this.scheduler = scheduler;
    }

    @Override
    protected void configure() {
        bind(InvoqConfig.class).toInstance(config);
        bind(QueueSettings.class).toInstance(config.queue());
        bind(CallLedgerSettings.class).toInstance(config.ledger());
        bind(DeadLetterSettings.class).toInstance(config.deadLetters());
        bind(Scheduler.class).toInstance(scheduler);
        bind(TimeSource.class).toInstance(scheduler);
        bind(DrainSwitch.class).in(Singleton.class);
        Multibinder<InvocationEvents> listeners = Multibinder.newSetBinder(binder(), InvocationEvents.class);
        listeners.addBinding().toInstance(new InvocationLog(config.debug()));
        listeners.addBinding().to(AdaptiveConcurrency.class);
        bind(SubmitInvocationUseCase.class).to(SubmitInvocationService.class);
        bind(RegisterFunctionUseCase.class).to(FunctionCatalogService.class);
        bind(RemoveFunctionUseCase.class).to(FunctionCatalogService.class);
        bind(FindFunctionsQuery.class).to(FunctionCatalogService.class);
        bind(QueueStatusQuery.class).to(QueueAdministrationService.class);
        bind(PurgeQueueUseCase.class).to(QueueAdministrationService.class);
        bind(PauseQueueUseCase.class).to(QueueAdministrationService.class);
        bind(CallStatusQuery.class).to(CallStatusService.class);
        bind(CancelCallUseCase.class).to(CallStatusService.class);
        bind(DeadLetterQuery.class).to(DeadLetterService.class);
        bind(ReplayDeadLetterUseCase.class).to(DeadLetterService.class);
        bind(InvokeFunctionUseCase.class).to(SyncInvocationService.class);
        bind(ReadinessQuery.class).to(ReadinessService.class);
    }

    @Provides
    @Singleton
    InvocationEvents invocationEvents(Set<InvocationEvents> listeners) {
        return new InvocationEventsFanOut(listeners);
    }

    @Provides
    @Singleton
    FunctionDirectory functionDirectory(FunctionRegistry registry) {
        return new FunctionDirectory(registry, config.upstreamUrl(), config.functionNamespace());
    }

    @Provides
    @Singleton
    SubmitInvocationService submitInvocationService(FunctionDirectory functions, InvocationQueue queue, TimeSource time,
                                                    InvocationEvents events, DrainSwitch drain, CallLedger ledger,
                                                    DestinationPolicy destinations) {
        return new SubmitInvocationService(functions, queue, config.worker().queue(), time, events, drain, ledger,
                destinations);
    }

    @Provides
    @Singleton
    FunctionCatalogService functionCatalogService(FunctionRegistry registry, FunctionDirectory directory,
                                                  DestinationPolicy destinations) {
        return new FunctionCatalogService(registry, directory, destinations);
    }

    @Provides
    @Singleton
    QueueAdministrationService queueAdministrationService(FunctionRegistry registry, InvocationQueue queue,
                                                          QueueControls controls) {
        return new QueueAdministrationService(registry, queue, controls, config.worker().queue(),
                config.flow().defaultMaxConcurrency());
    }

    @Provides
    @Singleton
    SyncInvocationService syncInvocationService(FunctionDirectory functions, FunctionInvoker invoker, TimeSource time) {
        return new SyncInvocationService(functions, invoker, config.worker().queue(), config.worker().upstreamTimeout(),
                time);
    }

    @Provides
    @Singleton
    DeadLetterService deadLetterService(DeadLetters deadLetters, InvocationQueue queue, TimeSource time,
                                        InvocationEvents events, CallLedger ledger) {
        return new DeadLetterService(deadLetters, queue, time, events, ledger);
    }

    @Provides
    @Singleton
    CallStatusService callStatusService(CallLedger ledger, TimeSource time) {
        return new CallStatusService(ledger, time);
    }

    @Provides
    @Singleton
    ReadinessService readinessService(InvocationQueue queue, DrainSwitch drain) {
        return new ReadinessService(queue, drain);
    }

    @Provides
    @Singleton
    InvocationWorker invocationWorker(FlowControlledQueue queue, CallRunner runner) {
        return new InvocationWorker(config.worker(), queue, runner);
    }

    @Provides
    @Singleton
    CallRunner callRunner(FunctionDirectory functions, FunctionInvoker invoker, CallbackDispatcher callbacks,
                          Scheduler scheduler, InvocationEvents events, CallLedger ledger, DeadLetters deadLetters) {
        WorkerSettings worker = config.worker();
        return new CallRunner(worker, functions, invoker, new LeaseExtender(scheduler, worker.lease()), callbacks,
                new CallHistory(ledger), deadLetters, events, scheduler);
    }

    @Provides
    @Singleton
    CallbackDispatcher callbackDispatcher(CallbackSender callbacks, Scheduler scheduler, InvocationEvents events) {
        return new CallbackDispatcher(callbacks, config.worker().callbackPolicy(), scheduler, events);
    }

    @Provides
    @Singleton
    FlowControlledQueue flowControlledQueue(InvocationQueue queue, QueueControls controls, FunctionDirectory functions,
                                            AdaptiveConcurrency adaptive) {
        return new FlowControlledQueue(queue, controls, functions, adaptive, config.worker().queue(), config.flow(),
                config.worker().maxInflight());
    }

    @Provides
    @Singleton
    AdaptiveConcurrency adaptiveConcurrency(TimeSource time) {
        return new AdaptiveConcurrency(config.worker().queue(), time);
    }
}
