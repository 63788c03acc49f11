package io.invoq.adapter.http;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
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
import io.invoq.ports.out.CallbackSender;
import io.invoq.ports.out.DestinationPolicy;
import io.invoq.ports.out.FunctionInvocationCounts;
import io.invoq.ports.out.FunctionInvoker;
import io.invoq.ports.out.GatewayRequestEvents;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Binds the {@link HttpGateway}, the HTTP {@link FunctionInvoker} and {@link CallbackSender}, and the
 * {@link DestinationPolicy} they and the use cases apply, and the {@link OutboundConnections} they share, to be
 * closed at shutdown.
 * Requires {@link SubmitInvocationUseCase}, {@link RegisterFunctionUseCase}, {@link RemoveFunctionUseCase},
 * {@link FindFunctionsQuery}, {@link QueueStatusQuery}, {@link PurgeQueueUseCase}, {@link PauseQueueUseCase},
 * {@link CallStatusQuery},
 * {@link CancelCallUseCase}, {@link DeadLetterQuery}, {@link ReplayDeadLetterUseCase}, {@link InvokeFunctionUseCase},
 * {@link ReadinessQuery}, {@link GatewayRequestEvents} and {@link FunctionInvocationCounts} to be bound elsewhere.
 * More endpoints are added by binding further {@link GatewayRoutes} into the set. Nothing listens until
 * {@link HttpGateway#start()}.
 */
public final class HttpAdapterModule extends AbstractModule {

    private final GatewaySettings gateway;
    private final ClientSettings client;
    private final SecuritySettings security;

    public HttpAdapterModule(GatewaySettings gateway) {
        this(gateway, ClientSettings.DEFAULT);
    }

    public HttpAdapterModule(GatewaySettings gateway, ClientSettings client) {
        this(gateway, client, SecuritySettings.DEFAULT);
    }

    public HttpAdapterModule(GatewaySettings gateway, ClientSettings client, SecuritySettings security) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.client = Objects.requireNonNull(client, "client");
        this.security = Objects.requireNonNull(security, "security");
    }

    @Provides
    @Singleton
    HttpGateway gateway(Set<GatewayRoutes> routes, GatewayRequestEvents requestEvents) {
        List<GatewayRoutes> served = routes.stream()
                .filter(group -> gateway.servesApi() || !(group instanceof ApiRoutes))
                .toList();
        return new JavalinGateway(gateway.port(), security.limits().maxConnections(), security.tls(), served,
                requestEvents);
    }

    @ProvidesIntoSet
    GatewayRoutes submissionRoutes(SubmitInvocationUseCase submissions, GatewayRequestEvents events,
            FindFunctionsQuery functions) {
        return new SubmissionRoutes(submissions, bodyLimit(), gateway.maxDelay(),
                new InvocationReport(events, functions.namespace()));
    }

    @ProvidesIntoSet
    GatewayRoutes functionRoutes(FindFunctionsQuery functions, RegisterFunctionUseCase registration,
            RemoveFunctionUseCase removal, FunctionInvocationCounts invocations) {
        return new FunctionRoutes(functions, registration, removal, invocations, bodyLimit());
    }

    @ProvidesIntoSet
    GatewayRoutes openApiRoutes() {
        return new OpenApiRoutes();
    }

    @ProvidesIntoSet
    GatewayRoutes systemRoutes(FindFunctionsQuery functions) {
        return new SystemRoutes(functions.namespace(), InvoqVersion.ofThisBuild());
    }

    @ProvidesIntoSet
    GatewayRoutes queueRoutes(QueueStatusQuery status, PurgeQueueUseCase purging, PauseQueueUseCase pausing) {
        return new QueueRoutes(status, purging, pausing);
    }

    @ProvidesIntoSet
    GatewayRoutes deadLetterRoutes(DeadLetterQuery deadLetters, ReplayDeadLetterUseCase replaying) {
        return new DeadLetterRoutes(deadLetters, replaying);
    }

    @ProvidesIntoSet
    GatewayRoutes callRoutes(CallStatusQuery status, CancelCallUseCase cancelling) {
        return new CallRoutes(status, cancelling);
    }

    @ProvidesIntoSet
    GatewayRoutes proxyRoutes(InvokeFunctionUseCase invoking, GatewayRequestEvents events, FindFunctionsQuery functions) {
        return new ProxyRoutes(invoking, bodyLimit(), new InflightLimit(security.limits().maxProxyInflight()),
                new InvocationReport(events, functions.namespace()));
    }

    /** In this order: whoever lacks credentials is told nothing else. */
    @ProvidesIntoSet
    GatewayRoutes guards() {
        Authenticator authenticator = new Authenticator(security.auth());
        AdminGuard adminGuard = new AdminGuard();
        LoopGuard loopGuard = new LoopGuard(security.limits().maxHops());
        return routes -> {
            routes.before(authenticator::check);
            adminGuard.addTo(routes);
            loopGuard.addTo(routes);
        };
    }

    @ProvidesIntoSet
    GatewayRoutes healthRoutes(ReadinessQuery readiness) {
        return new HealthRoutes(readiness);
    }

    @Provides
    @Singleton
    OutboundClient outboundClient() {
        return new OutboundClient(client);
    }

    @Provides
    OutboundConnections outboundConnections(OutboundClient outbound) {
        return outbound;
    }

    @Provides
    @Singleton
    FunctionInvoker functionInvoker(OutboundClient outbound, UrlPolicy destinations) {
        return new HttpFunctionInvoker(outbound, destinations.functions());
    }

    @Provides
    @Singleton
    CallbackSender callbackSender(OutboundClient outbound, UrlPolicy destinations) {
        return new HttpCallbackSender(outbound, client.callbackTimeout(), destinations.callbacks(),
                new CallbackSigner(security.callbackSigning()));
    }

    @Provides
    @Singleton
    UrlPolicy urlPolicy() {
        return new UrlPolicy(security.outbound());
    }

    @Provides
    DestinationPolicy destinationPolicy(UrlPolicy policy) {
        return policy;
    }

    private BodyLimit bodyLimit() {
        return new BodyLimit(gateway.maxRequestBytes());
    }
}
