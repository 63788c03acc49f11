package io.invoq.ports.contract;

import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Invocations and queue names for the broker contract; every call is new unless said otherwise. */
final class SampleInvocations {

    static final FunctionName FUNCTION = new FunctionName("contract-fn");
    /** In the past on every clock the suite runs on, so that no sample is deferred unless it says so. */
    private static final Instant ENQUEUED_AT = Instant.parse("2020-01-01T00:00:00Z");

    private SampleInvocations() {
    }

    /** A queue no other test uses, so that tests sharing one broker server cannot see each other. */
    static QueueName uniqueQueueName() {
        return new QueueName("contract-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static Invocation to(QueueName queue) {
        return to(queue, FUNCTION);
    }

    static Invocation to(QueueName queue, FunctionName function) {
        return new Invocation(CallId.generate(), function, queue, "POST", "", "", Headers.EMPTY,
                "payload".getBytes(StandardCharsets.UTF_8), Optional.empty(), ENQUEUED_AT, ENQUEUED_AT);
    }

    /** A call whose result is posted to {@code callbackUrl}. */
    static Invocation withCallback(QueueName queue, FunctionName function, URI callbackUrl) {
        return new Invocation(CallId.generate(), function, queue, "POST", "", "", Headers.EMPTY,
                "payload".getBytes(StandardCharsets.UTF_8), Optional.of(callbackUrl), ENQUEUED_AT, ENQUEUED_AT);
    }

    /** A call that may start at {@code notBefore} and not sooner. */
    static Invocation deferredTo(QueueName queue, Instant acceptedAt, Instant notBefore) {
        return new Invocation(CallId.generate(), FUNCTION, queue, "POST", "", "", Headers.EMPTY,
                "deferred".getBytes(StandardCharsets.UTF_8), Optional.empty(), acceptedAt, notBefore);
    }

    /** The same call submitted again, with a different body, as a client retrying its request would. */
    static Invocation resubmissionOf(Invocation original) {
        return new Invocation(original.callId(), original.function(), original.queue(), original.method(),
                original.path(), original.query(), original.headers(),
                "resubmitted".getBytes(StandardCharsets.UTF_8), original.callbackUrl(), original.enqueuedAt(),
                original.notBefore());
    }

    /** Every field set to something a careless encoding would lose: nanoseconds, raw bytes, repeated headers. */
    static Invocation withEveryFieldSet(QueueName queue) {
        return new Invocation(
                CallId.generate(),
                new FunctionName("contract-fn.v2"),
                queue,
                "PATCH",
                "/orders/42/items",
                "a=1&b=two%20words&a=3",
                new Headers(Map.of(
                        "Content-Type", List.of("application/octet-stream"),
                        "X-Repeated", List.of("first", "second"),
                        "X-Empty", List.of(""))),
                new byte[] {0, 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFF, '\r', '\n', 'x'},
                Optional.of(URI.create("https://callback.invalid:8443/hook?call=42")),
                Instant.parse("2020-01-01T00:00:00.123456789Z"),
                Instant.parse("2020-01-01T00:05:00.987654321Z"));
    }

    /** Nothing optional set: no headers, empty body, no callback, not deferred. */
    static Invocation withNothingOptional(QueueName queue) {
        return new Invocation(CallId.generate(), FUNCTION, queue, "PUT", "", "", Headers.EMPTY, new byte[0],
                Optional.empty(), ENQUEUED_AT, ENQUEUED_AT);
    }
}
