package io.invoq.adapter.http;

import com.google.inject.AbstractModule;
import io.invoq.ports.in.FindFunctionsQuery;
import io.invoq.ports.in.ReadinessQuery;
import io.invoq.ports.in.RegisterFunctionUseCase;
import io.invoq.ports.in.RemoveFunctionUseCase;
import io.invoq.ports.in.SubmitInvocationUseCase;

/** Binds the use cases the HTTP adapter requires to hand-written doubles, as the app binds its services. */
final class UseCaseDoubles extends AbstractModule {

    final RecordingSubmissions submissions = new RecordingSubmissions();
    final FunctionCatalogue functions = new FunctionCatalogue();
    final SwitchableReadiness readiness = new SwitchableReadiness();

    @Override
    protected void configure() {
        bind(SubmitInvocationUseCase.class).toInstance(submissions);
        bind(FindFunctionsQuery.class).toInstance(functions);
        bind(RegisterFunctionUseCase.class).toInstance(functions);
        bind(RemoveFunctionUseCase.class).toInstance(functions);
        bind(ReadinessQuery.class).toInstance(readiness);
    }
}
