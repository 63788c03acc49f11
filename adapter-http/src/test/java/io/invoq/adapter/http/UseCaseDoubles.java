package io.invoq.adapter.http;

import com.google.inject.AbstractModule;
import io.invoq.ports.in.CallStatusQuery;
import io.invoq.ports.in.CancelCallUseCase;
import io.invoq.ports.in.DeadLetterQuery;
import io.invoq.ports.in.FindFunctionsQuery;
import io.invoq.ports.in.InvokeFunctionUseCase;
import io.invoq.ports.in.PauseQueueUseCase;
import io.invoq.ports.in.PurgeQueueUseCase;
import io.invoq.ports.in.QueueStatusQuery;
import io.invoq.ports.in.ReadinessQuery;
import io.invoq.ports.in.ReplayDeadLetterUseCase;
import io.invoq.ports.in.RegisterFunctionUseCase;
import io.invoq.ports.in.RemoveFunctionUseCase;
import io.invoq.ports.in.SubmitInvocationUseCase;
import io.invoq.ports.out.FunctionInvocationCounts;
import io.invoq.ports.out.GatewayRequestEvents;

/**
 * Binds the use cases and the request events the HTTP adapter requires to hand-written doubles, as
 * the app binds its services and its metrics.
 */
final class UseCaseDoubles extends AbstractModule {

    final RecordingSubmissions submissions = new RecordingSubmissions();
    final FunctionCatalogue functions = new FunctionCatalogue();
    final QueueBoard queues = new QueueBoard();
    final CallBook calls = new CallBook();
    final DeadLetterBox deadLetters = new DeadLetterBox();
    final RecordingInvocations invocations = new RecordingInvocations();
    final SwitchableReadiness readiness = new SwitchableReadiness();
    final RecordingRequests requests = new RecordingRequests();

    @Override
    protected void configure() {
        bind(SubmitInvocationUseCase.class).toInstance(submissions);
        bind(FindFunctionsQuery.class).toInstance(functions);
        bind(RegisterFunctionUseCase.class).toInstance(functions);
        bind(RemoveFunctionUseCase.class).toInstance(functions);
        bind(QueueStatusQuery.class).toInstance(queues);
        bind(PurgeQueueUseCase.class).toInstance(queues);
        bind(PauseQueueUseCase.class).toInstance(queues);
        bind(CallStatusQuery.class).toInstance(calls);
        bind(CancelCallUseCase.class).toInstance(calls);
        bind(DeadLetterQuery.class).toInstance(deadLetters);
        bind(ReplayDeadLetterUseCase.class).toInstance(deadLetters);
        bind(InvokeFunctionUseCase.class).toInstance(invocations);
        bind(ReadinessQuery.class).toInstance(readiness);
        bind(GatewayRequestEvents.class).toInstance(requests);
        bind(FunctionInvocationCounts.class).toInstance(requests);
    }
}
