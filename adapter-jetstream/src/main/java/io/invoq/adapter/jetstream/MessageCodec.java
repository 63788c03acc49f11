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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data of a queued message, format version {@value #VERSION}: one line of JSON, the call's
 * metadata, then the exact request body as it came, so a body is stored as it is, not re-encoded.
 *
 * <pre>{@code
 * {"v":2,                                    format version, always present
 *  "callId":"8a3c…","function":"figlet","queue":"faas-request",
 *  "method":"POST","path":"/sub/path",       path suffix: "" or starting with "/"
 *  "query":"a=1&b=2",                        raw query string without "?", "" when none
 *  "headers":{"Content-Type":["text/plain"],"X-Many":["1","2"]},
 *  "callbackUrl":"https://…",                absent when there is no callback
 *  "enqueuedAt":1732240000123456789,         epoch nanoseconds
 *  "notBefore":1732240000123456789,          epoch nanoseconds
 *  "priorDeliveries":2,                      absent when 0: deliveries before this message was queued
 *  "retryAt":1732240010123456789}            absent unless queued for a retry; epoch nanoseconds
 * \n                                         one line feed (0x0A) ends the metadata
 * <the request body's bytes, to the end of the message>
 * }</pre>
 *
 * <p>The metadata line never contains a line feed, since JSON escapes it inside strings.
 * Version 1 messages, written by older invoq, are read too: a single JSON object of the same
 * fields plus {@code "body"}, the base64 (RFC 4648, padded) of the body, and {@code "v":1}.
 *
 * <p>Compatibility: readers ignore fields they do not know and treat absent optional fields as
 * their defaults, so fields may be added without a new version. {@code v} changes only when an
 * older reader must not read a message; such a message is left for an upgraded reader. A version
 * 1 reader, reading the leading JSON object of a version 2 message, finds {@code "v":2} and so
 * leaves it.
 */
final class MessageCodec {

    static final int VERSION = 2;
    private static final int BASE64_JSON_VERSION = 1;
    private static final byte END_OF_METADATA = '\n';
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    byte[] encode(Envelope envelope) {
        Invocation invocation = envelope.invocation();
        Metadata metadata = new Metadata(VERSION, invocation.callId().value(), invocation.function().value(),
                invocation.queue().value(), invocation.method(), invocation.path(), invocation.query(),
                invocation.headers().values(), null,
                invocation.callbackUrl().map(URI::toString).orElse(null),
                epochNanos(invocation.enqueuedAt()), epochNanos(invocation.notBefore()),
                envelope.priorDeliveries() == 0 ? null : envelope.priorDeliveries(),
                envelope.retryAt().map(MessageCodec::epochNanos).orElse(null));
        byte[] line;
        try {
            line = json.writeValueAsBytes(metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode invocation " + invocation.callId(), e);
        }
        byte[] body = invocation.body();
        byte[] data = Arrays.copyOf(line, line.length + 1 + body.length);
        data[line.length] = END_OF_METADATA;
        System.arraycopy(body, 0, data, line.length + 1, body.length);
        return data;
    }

    Envelope decode(byte[] data) {
        int endOfMetadata = indexOf(data, END_OF_METADATA);
        Metadata metadata = read(data, endOfMetadata < 0 ? data.length : endOfMetadata);
        if (metadata.v() == null || metadata.v() < BASE64_JSON_VERSION) {
            throw new UnreadableMessageException("not an invoq message: no format version", false, null);
        }
        if (metadata.v() > VERSION) {
            throw new UnreadableMessageException("format version " + metadata.v() + " is newer than " + VERSION, true, null);
        }
        byte[] body;
        if (metadata.v() == BASE64_JSON_VERSION) {
            body = metadata.body();
        } else if (endOfMetadata >= 0) {
            body = Arrays.copyOfRange(data, endOfMetadata + 1, data.length);
        } else {
            throw new UnreadableMessageException("incomplete invoq message: no body after the metadata", false, null);
        }
        try {
            return metadata.toEnvelope(body);
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new UnreadableMessageException("incomplete or invalid invoq message: " + e.getMessage(), false, e);
        }
    }

    private Metadata read(byte[] data, int length) {
        try {
            return json.readValue(data, 0, length, Metadata.class);
        } catch (IOException e) {
            // the parser's own message quotes the payload, which must stay out of logs
            throw new UnreadableMessageException("not an invoq message: malformed JSON", false, e);
        }
    }

    private static int indexOf(byte[] data, byte wanted) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** @param body only in version 1: the base64 body, which Jackson decodes */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Metadata(
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

        Envelope toEnvelope(byte[] requestBody) {
            Invocation invocation = new Invocation(new CallId(callId), new FunctionName(function), new QueueName(queue),
                    method, path, query, new Headers(headers), requestBody,
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
