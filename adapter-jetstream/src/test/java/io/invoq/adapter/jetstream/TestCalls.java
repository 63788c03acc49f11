package io.invoq.adapter.jetstream;

import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Invocations and queue names for tests. */
final class TestCalls {

    private TestCalls() {
    }

    /** A queue no other test uses, so tests can share one server. */
    static QueueName uniqueQueue() {
        return new QueueName("q-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static Invocation call(QueueName queue, String function) {
        return call(queue, function, CallId.generate());
    }

    static Invocation call(QueueName queue, String function, CallId callId) {
        Instant now = Instant.now();
        return new Invocation(callId, new FunctionName(function), queue, "POST", "", "", Headers.of("Content-Type", "text/plain"),
                "hello".getBytes(StandardCharsets.UTF_8), Optional.empty(), now, now);
    }

    static Invocation deferred(QueueName queue, String function, Duration delay) {
        Instant now = Instant.now();
        return new Invocation(CallId.generate(), new FunctionName(function), queue, "POST", "", "", Headers.EMPTY,
                new byte[0], Optional.empty(), now, now.plus(delay));
    }
}
