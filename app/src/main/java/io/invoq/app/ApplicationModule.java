package io.invoq.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.invoq.application.DrainSwitch;
import io.invoq.application.FunctionCatalogService;
import io.invoq.application.FunctionDirectory;
import io.invoq.application.InvocationWorker;
import io.invoq.application.ReadinessService;
import io.invoq.application.SubmitInvocationService;
import io.invoq.ports.in.FindFunctionsQuery;
import io.invoq.ports.in.ReadinessQuery;
import io.invoq.ports.in.RegisterFunctionUseCase;
import io.invoq.ports.in.RemoveFunctionUseCase;
import io.invoq.ports.in.SubmitInvocationUseCase;
import io.invoq.ports.out.CallbackSender;
import io.invoq.ports.out.FunctionInvoker;
import io.invoq.ports.out.FunctionRegistry;
import io.invoq.ports.out.InvocationEvents;
import io.invoq.ports.out.InvocationQueue;
import io.invoq.ports.out.QueueSettings;
import io.invoq.ports.out.TimeSource;
import java.util.Set;

/**
 * Binds the use cases to the application services, over whichever adapters are installed. What
 * happens to calls goes to every {@link InvocationEvents} other modules add to the set, and to the log.
 */
final class ApplicationModule extends AbstractModule {

    private final InvoqConfig config;

    ApplicationModule(InvoqConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(InvoqConfig.class).toInstance(config);
        bind(QueueSettings.class).toInstance(config.queue());
        bind(TimeSource.class).toInstance(TimeSource.SYSTEM);
        bind(DrainSwitch.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), InvocationEvents.class).addBinding()
                .toInstance(new InvocationLog(config.debug()));
        bind(SubmitInvocationUseCase.class).to(SubmitInvocationService.class);
        bind(RegisterFunctionUseCase.class).to(FunctionCatalogService.class);
        bind(RemoveFunctionUseCase.class).to(FunctionCatalogService.class);
        bind(FindFunctionsQuery.class).to(FunctionCatalogService.class);
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
        return new FunctionDirectory(registry, config.upstreamUrl());
    }

    @Provides
    @Singleton
    SubmitInvocationService submitInvocationService(FunctionDirectory functions, InvocationQueue queue, TimeSource time,
                                                    InvocationEvents events, DrainSwitch drain) {
        return new SubmitInvocationService(functions, queue, config.worker().queue(), time, events, drain);
    }

    @Provides
    @Singleton
    FunctionCatalogService functionCatalogService(FunctionRegistry registry) {
        return new FunctionCatalogService(registry);
    }

    @Provides
    @Singleton
    ReadinessService readinessService(InvocationQueue queue, DrainSwitch drain) {
        return new ReadinessService(queue, drain);
    }

    @Provides
    @Singleton
    InvocationWorker invocationWorker(InvocationQueue queue, FunctionDirectory functions, FunctionInvoker invoker,
                                      CallbackSender callbacks, TimeSource time, InvocationEvents events) {
        return new InvocationWorker(config.worker(), queue, functions, invoker, callbacks, time, events);
    }
}
