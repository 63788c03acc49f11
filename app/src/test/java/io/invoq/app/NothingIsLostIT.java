package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.invoq.adapter.jetstream.NatsServerProcess;
import io.invoq.app.RecordingHttpServer.Response;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The jar, run as users run it, on a real nats-server: every call answered 202 is completed,
 * whether the process is killed outright or stopped with SIGTERM while calls are in flight.
 */
class NothingIsLostIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int CALLS = 12;

    private final NatsServerProcess nats = NatsServerProcess.start();
    private final HeldFunction function = new HeldFunction(PATIENCE);
    private final RecordingHttpServer callbacks = RecordingHttpServer.answering(Response.status(204));

    @AfterEach
    void stop() {
        function.close();
        callbacks.close();
        nats.close();
    }

    @Test
    void after_kill_minus_9_with_calls_in_flight_and_queued_a_restarted_jar_completes_every_accepted_call() {
        Set<String> accepted;
        try (InvoqProcess first = startInvoq()) {
            InvoqClient client = first.client();
            assertThat(client.registerFunction("slow", function.url("/")).statusCode()).isEqualTo(201);
            accepted = submitCalls(client);
            await().atMost(PATIENCE).until(() -> function.requests().size() >= 4);

            first.kill();
        }
        function.release();

        try (InvoqProcess second = startInvoq()) {
            await().atMost(PATIENCE).until(() -> callbackCallIds().containsAll(accepted));
            assertThat(callbackCallIds()).isEqualTo(accepted);
        }
    }

    @Test
    void sigterm_refuses_new_calls_hands_running_ones_back_exits_0_and_loses_none() {
        Set<String> accepted;
        try (InvoqProcess first = startInvoq("--shutdown-grace=2s")) {
            InvoqClient client = first.client();
            assertThat(client.registerFunction("slow", function.url("/")).statusCode()).isEqualTo(201);
            accepted = submitCalls(client);
            await().atMost(PATIENCE).until(() -> function.requests().size() >= 4);

            first.terminate();
            await().atMost(PATIENCE).ignoreExceptions().until(() ->
                    client.send("POST", "/async-function/slow", "late").statusCode() == 503);
            assertThat(first.awaitExit()).as("exit code; log:\n%s", first.log()).isZero();
            assertThat(first.log()).contains("4 call(s) handed back");
        }
        function.release();

        try (InvoqProcess second = startInvoq()) {
            await().atMost(PATIENCE).until(() -> callbackCallIds().containsAll(accepted));
            assertThat(callbackCallIds()).isEqualTo(accepted);
        }
    }

    private InvoqProcess startInvoq(String... extraFlags) {
        String[] flags = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--broker=jetstream", "--nats-url=" + nats.url(), "--max-inflight=4",
                        "--ack-wait=2s"),
                java.util.stream.Stream.of(extraFlags)).toArray(String[]::new);
        return InvoqProcess.start(flags);
    }

    private Set<String> submitCalls(InvoqClient client) {
        return IntStream.range(0, CALLS).mapToObj(i -> "call-" + i).peek(id ->
                assertThat(client.send("POST", "/async-function/slow", id, "X-Call-Id", id,
                        "X-Callback-Url", callbacks.url("/cb")).statusCode()).isEqualTo(202))
                .collect(Collectors.toSet());
    }

    private Set<String> callbackCallIds() {
        return callbacks.requests().stream().map(request -> request.header("X-Call-Id")).collect(Collectors.toSet());
    }
}
