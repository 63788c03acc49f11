package io.invoq.adapter.http;

import io.invoq.ports.out.GatewayRequestEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every request the gateway reported. */
final class RecordingRequests implements GatewayRequestEvents {

    record Handled(String route, String method, int status, Duration took) {
    }

    private final List<Handled> handled = new CopyOnWriteArrayList<>();

    @Override
    public void requestHandled(String route, String method, int status, Duration took) {
        handled.add(new Handled(route, method, status, took));
    }

    List<Handled> handled() {
        return List.copyOf(handled);
    }
}
