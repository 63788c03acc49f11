package io.invoq.adapter.http;

import io.invoq.domain.FunctionName;
import io.invoq.ports.out.FunctionInvocationCounts;
import io.invoq.ports.out.GatewayRequestEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every request and function invocation the gateway reported, and counts the invocations. */
final class RecordingRequests implements GatewayRequestEvents, FunctionInvocationCounts {

    record Handled(String route, String method, int status, Duration took) {
    }

    record Invoked(FunctionName function, int status) {
    }

    private final List<Handled> handled = new CopyOnWriteArrayList<>();
    private final List<Invoked> invoked = new CopyOnWriteArrayList<>();

    @Override
    public void functionInvoked(FunctionName function, int status, Duration took) {
        invoked.add(new Invoked(function, status));
    }

    @Override
    public long invocations(FunctionName function) {
        return invoked.stream().filter(invocation -> invocation.function().equals(function)).count();
    }

    List<Invoked> invoked() {
        return List.copyOf(invoked);
    }

    @Override
    public void requestHandled(String route, String method, int status, Duration took) {
        handled.add(new Handled(route, method, status, took));
    }

    List<Handled> handled() {
        return List.copyOf(handled);
    }
}
