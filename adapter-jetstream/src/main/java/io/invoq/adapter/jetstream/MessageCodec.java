package io.invoq.adapter.jetstream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of a queued message: one JSON object, version {@value #VERSION}.
 *
 * <pre>{@code
 * {
 *   "v": 1,                                  format version, always present
 *   "callId": "8a3c…", "function": "figlet", "queue": "faas-request",
 *   "method": "POST", "path": "/sub/path",   path suffix: "" or starting with "/"
 *   "query": "a=1&b=2",                      raw query string without "?", "" when none
 *   "headers": {"Content-Type": ["text/plain"], "X-Many": ["1", "2"]},
 *   "body": "aGVsbG8=",                      base64 (RFC 4648, padded) of the exact request bytes
 *   "callbackUrl": "https://…",              absent when there is no callback
 *   "enqueuedAt": 1732240000123456789,       epoch nanoseconds
 *   "notBefore": 1732240000123456789,        epoch nanoseconds
 *   "priorDeliveries": 2,                    absent when 0: deliveries before this message was queued
 *   "retryAt": 1732240010123456789           absent unless queued for a retry; epoch nanoseconds
 * }
 * }</pre>
 *
 * <p>Compatibility: readers ignore fields they do not know and treat absent optional fields as
 * their defaults, so fields may be added without a new version. {@code v} changes only when an
 * older reader must not read a message; such a message is left for an upgraded reader.
 */
final class MessageCodec {

    static final int VERSION = 1;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    byte[] encode(Envelope envelope) {
        Invocation invocation = envelope.invocation();
        Message message = new Message(VERSION, invocation.callId().value(), invocation.function().value(),
                invocation.queue().value(), invocation.method(), invocation.path(), invocation.query(),
                invocation.headers().values(), invocation.body(),
                invocation.callbackUrl().map(URI::toString).orElse(null),
                epochNanos(invocation.enqueuedAt()), epochNanos(invocation.notBefore()),
                envelope.priorDeliveries() == 0 ? null : envelope.priorDeliveries(),
                envelope.retryAt().map(MessageCodec::epochNanos).orElse(null));
        try {
            return json.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode invocation " + invocation.callId(), e);
        }
    }

    Envelope decode(byte[] data) {
        Message message = read(data);
        if (message.v() == null || message.v() < 1) {
            throw new UnreadableMessageException("not an invoq message: no format version", false, null);
        }
        if (message.v() > VERSION) {
            throw new UnreadableMessageException("format version " + message.v() + " is newer than " + VERSION, true, null);
        }
        try {
            return message.toEnvelope();
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new UnreadableMessageException("incomplete or invalid invoq message: " + e.getMessage(), false, e);
        }
    }

    private Message read(byte[] data) {
        try {
            return json.readValue(data, Message.class);
        } catch (IOException e) {
            // the parser's own message quotes the payload, which must stay out of logs
            throw new UnreadableMessageException("not an invoq message: malformed JSON", false, e);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Message(
            Integer v,
            String callId,
            String function,
            String queue,
            String method,
            String path,
            String query,
            Map<String, List<String>> headers,
            byte[] body,
            String callbackUrl,
            Long enqueuedAt,
            Long notBefore,
            Integer priorDeliveries,
            Long retryAt) {

        Envelope toEnvelope() {
            Invocation invocation = new Invocation(new CallId(callId), new FunctionName(function), new QueueName(queue),
                    method, path, query, new Headers(headers), body,
                    Optional.ofNullable(callbackUrl).map(URI::create),
                    instant(enqueuedAt), instant(notBefore));
            return new Envelope(invocation, priorDeliveries == null ? 0 : priorDeliveries,
                    Optional.ofNullable(retryAt).map(MessageCodec::instant));
        }
    }

    private static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    private static Instant instant(Long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }
}
