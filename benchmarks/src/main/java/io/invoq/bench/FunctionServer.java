package io.invoq.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Serves the simulated functions and notes when each call arrives. A closed gate holds every answer
 * back, so that the worker's slots fill and a backlog builds in the broker; opening it lets the
 * worker drain the backlog with the gateway idle. Delayed answers wait on a timer, not a thread.
 */
final class FunctionServer implements AutoCloseable {

    private final CallLedgers ledgers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "function-latency");
        thread.setDaemon(true);
        return thread;
    });
    private final LoopbackHttpServer server;
    private final List<Runnable> heldAnswers = new ArrayList<>();
    private boolean gateOpen = true;

    FunctionServer(CallLedgers ledgers, List<SimulatedFunction> functions) {
        this.ledgers = ledgers;
        Map<String, LoopbackHttpServer.Handler> handlers = new HashMap<>();
        for (SimulatedFunction function : functions) {
            handlers.put(path(function), (request, exchange) -> handle(request, exchange, function));
        }
        this.server = LoopbackHttpServer.start("function-server", handlers);
    }

    URI uri(SimulatedFunction function) {
        return server.uri(path(function));
    }

    synchronized void closeGate() {
        gateOpen = false;
    }

    void openGate() {
        List<Runnable> released;
        synchronized (this) {
            gateOpen = true;
            released = List.copyOf(heldAnswers);
            heldAnswers.clear();
        }
        released.forEach(Runnable::run);
    }

    @Override
    public void close() {
        server.close();
        timer.shutdownNow();
    }

    private void handle(HttpHead request, LoopbackHttpServer.Exchange exchange, SimulatedFunction function) {
        ledgers.arrivedAtFunction(request.header("x-call-id"), EpochClock.nowNanos());
        Runnable answer = function.latency().isZero()
                ? () -> exchange.answer(200)
                : () -> timer.schedule(() -> exchange.answer(200), function.latency().toNanos(), TimeUnit.NANOSECONDS);
        synchronized (this) {
            if (!gateOpen) {
                heldAnswers.add(answer);
                return;
            }
        }
        answer.run();
    }

    private static String path(SimulatedFunction function) {
        return "/" + function.name();
    }
}
