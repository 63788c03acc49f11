package io.invoq.adapter.jetstream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
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
    /** Room for the metadata of a typical call, so that the buffer rarely grows. */
    private static final int METADATA_SIZE_HINT = 512;
    // the field names, encoded once
    private static final SerializedString V = new SerializedString("v");
    private static final SerializedString CALL_ID = new SerializedString("callId");
    private static final SerializedString FUNCTION = new SerializedString("function");
    private static final SerializedString QUEUE = new SerializedString("queue");
    private static final SerializedString METHOD = new SerializedString("method");
    private static final SerializedString PATH = new SerializedString("path");
    private static final SerializedString QUERY = new SerializedString("query");
    private static final SerializedString HEADERS = new SerializedString("headers");
    private static final SerializedString CALLBACK_URL = new SerializedString("callbackUrl");
    private static final SerializedString ENQUEUED_AT = new SerializedString("enqueuedAt");
    private static final SerializedString NOT_BEFORE = new SerializedString("notBefore");
    private static final SerializedString PRIOR_DELIVERIES = new SerializedString("priorDeliveries");
    private static final SerializedString RETRY_AT = new SerializedString("retryAt");

    byte[] encode(Envelope envelope) {
        Invocation invocation = envelope.invocation();
        byte[] body = invocation.body();
        ByteArrayBuilder data = new ByteArrayBuilder(METADATA_SIZE_HINT + body.length);
        try (JsonGenerator json = JsonFields.FACTORY.createGenerator(data)) {
            json.writeStartObject();
            JsonFields.writeNumber(json, V, VERSION);
            JsonFields.writeString(json, CALL_ID, invocation.callId().value());
            JsonFields.writeString(json, FUNCTION, invocation.function().value());
            JsonFields.writeString(json, QUEUE, invocation.queue().value());
            JsonFields.writeString(json, METHOD, invocation.method());
            JsonFields.writeString(json, PATH, invocation.path());
            JsonFields.writeString(json, QUERY, invocation.query());
            json.writeFieldName(HEADERS);
            json.writeStartObject();
            for (Map.Entry<String, List<String>> header : invocation.headers().values().entrySet()) {
                json.writeArrayFieldStart(header.getKey());
                for (String value : header.getValue()) {
                    json.writeString(value);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            if (invocation.callbackUrl().isPresent()) {
                JsonFields.writeString(json, CALLBACK_URL, invocation.callbackUrl().get().toString());
            }
            JsonFields.writeNumber(json, ENQUEUED_AT, epochNanos(invocation.enqueuedAt()));
            JsonFields.writeNumber(json, NOT_BEFORE, epochNanos(invocation.notBefore()));
            if (envelope.priorDeliveries() != 0) {
                JsonFields.writeNumber(json, PRIOR_DELIVERIES, envelope.priorDeliveries());
            }
            if (envelope.retryAt().isPresent()) {
                JsonFields.writeNumber(json, RETRY_AT, epochNanos(envelope.retryAt().get()));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode invocation " + invocation.callId(), e);
        }
        data.write(END_OF_METADATA);
        data.write(body, 0, body.length);
        return data.toByteArray();
    }

    Envelope decode(byte[] data) {
        int endOfMetadata = indexOf(data, END_OF_METADATA);
        Metadata metadata = read(data, endOfMetadata < 0 ? data.length : endOfMetadata);
        if (metadata.v == null || metadata.v < BASE64_JSON_VERSION) {
            throw new UnreadableMessageException("not an invoq message: no format version", false, null);
        }
        if (metadata.v > VERSION) {
            throw new UnreadableMessageException("format version " + metadata.v + " is newer than " + VERSION, true, null);
        }
        byte[] body;
        if (metadata.v == BASE64_JSON_VERSION) {
            body = metadata.body;
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

    /** Reads the fields of the leading JSON object; ignores what follows it, as databind did. */
    private static Metadata read(byte[] data, int length) {
        Metadata metadata = new Metadata();
        try (JsonParser json = JsonFields.FACTORY.createParser(data, 0, length)) {
            JsonFields.readObject(json, field -> {
                switch (field) {
                    case "v" -> metadata.v = JsonFields.readInt(json);
                    case "callId" -> metadata.callId = JsonFields.readString(json);
                    case "function" -> metadata.function = JsonFields.readString(json);
                    case "queue" -> metadata.queue = JsonFields.readString(json);
                    case "method" -> metadata.method = JsonFields.readString(json);
                    case "path" -> metadata.path = JsonFields.readString(json);
                    case "query" -> metadata.query = JsonFields.readString(json);
                    case "headers" -> metadata.headers = JsonFields.readStringArrays(json);
                    case "body" -> metadata.body = JsonFields.readBase64(json);
                    case "callbackUrl" -> metadata.callbackUrl = JsonFields.readString(json);
                    case "enqueuedAt" -> metadata.enqueuedAt = JsonFields.readLong(json);
                    case "notBefore" -> metadata.notBefore = JsonFields.readLong(json);
                    case "priorDeliveries" -> metadata.priorDeliveries = JsonFields.readInt(json);
                    case "retryAt" -> metadata.retryAt = JsonFields.readLong(json);
                    default -> json.skipChildren(); // a field this version does not know, with all it holds
                }
            });
        } catch (IOException e) {
            // the parser's own message may quote the payload, which must stay out of logs
            throw new UnreadableMessageException("not an invoq message: malformed JSON", false, e);
        }
        return metadata;
    }

    private static int indexOf(byte[] data, byte wanted) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** The fields as read, {@code null} when absent; {@code body} only in version 1, decoded from base64. */
    private static final class Metadata {
        Integer v;
        String callId;
        String function;
        String queue;
        String method;
        String path;
        String query;
        Map<String, List<String>> headers;
        byte[] body;
        String callbackUrl;
        Long enqueuedAt;
        Long notBefore;
        Integer priorDeliveries;
        Long retryAt;

        Envelope toEnvelope(byte[] requestBody) {
            Invocation invocation = new Invocation(new CallId(callId), new FunctionName(function), new QueueName(queue),
                    method, path, query, new Headers(headers), requestBody,
                    Optional.ofNullable(callbackUrl).map(MessageCodec::callbackUri),
                    instant(enqueuedAt), instant(notBefore));
            return new Envelope(invocation, priorDeliveries == null ? 0 : priorDeliveries,
                    Optional.ofNullable(retryAt).map(MessageCodec::instant));
        }
    }

    /** A callback URL may carry a token, so an invalid one is not quoted. */
    private static URI callbackUri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the callback URL is not a valid URI");
        }
    }

    private static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    private static Instant instant(Long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }
}
