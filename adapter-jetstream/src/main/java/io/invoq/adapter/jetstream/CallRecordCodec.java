package io.invoq.adapter.jetstream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.domain.CallState;
import io.invoq.domain.CallbackFailure;
import io.invoq.domain.EpochNanos;
import io.invoq.domain.FunctionName;
import io.invoq.domain.QueueName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A call record as the calls bucket stores it: one JSON object, version {@value #VERSION}, e.g.
 * <pre>{@code
 * {"v":1,"callId":"8a3c…","function":"figlet","queue":"faas-request","state":"retrying","attempts":2,
 *  "status":503,"acceptedAt":1732240000123456789,"updatedAt":1732240010123456789}
 * }</pre>
 * {@code status} is absent until an attempt has finished, {@code reason} unless the call ended for a
 * reason its status does not tell, {@code callbackGivenUpAt} and {@code callbackFailure} unless its
 * callback was given up on; times are epoch nanoseconds. Readers
 * ignore fields they do not know.
 */
final class CallRecordCodec {

    static final int VERSION = 1;
    /** Room for a typical record, so that the buffer rarely grows. */
    private static final int SIZE_HINT = 256;
    // the field names, encoded once
    private static final SerializedString V = new SerializedString("v");
    private static final SerializedString CALL_ID = new SerializedString("callId");
    private static final SerializedString FUNCTION = new SerializedString("function");
    private static final SerializedString QUEUE = new SerializedString("queue");
    private static final SerializedString STATE = new SerializedString("state");
    private static final SerializedString ATTEMPTS = new SerializedString("attempts");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString ACCEPTED_AT = new SerializedString("acceptedAt");
    private static final SerializedString UPDATED_AT = new SerializedString("updatedAt");
    private static final SerializedString REASON = new SerializedString("reason");
    private static final SerializedString CALLBACK_GIVEN_UP_AT = new SerializedString("callbackGivenUpAt");
    private static final SerializedString CALLBACK_FAILURE = new SerializedString("callbackFailure");

    byte[] encode(CallRecord record) {
        ByteArrayBuilder data = new ByteArrayBuilder(SIZE_HINT);
        try (JsonGenerator json = JsonFields.FACTORY.createGenerator(data)) {
            json.writeStartObject();
            JsonFields.writeNumber(json, V, VERSION);
            JsonFields.writeString(json, CALL_ID, record.callId().value());
            JsonFields.writeString(json, FUNCTION, record.function().value());
            JsonFields.writeString(json, QUEUE, record.queue().value());
            JsonFields.writeString(json, STATE, record.state().wireName());
            JsonFields.writeNumber(json, ATTEMPTS, record.attempts());
            if (record.lastStatus().isPresent()) {
                JsonFields.writeNumber(json, STATUS, record.lastStatus().getAsInt());
            }
            JsonFields.writeNumber(json, ACCEPTED_AT, EpochNanos.of(record.acceptedAt()));
            JsonFields.writeNumber(json, UPDATED_AT, EpochNanos.of(record.updatedAt()));
            if (record.reason().isPresent()) {
                JsonFields.writeString(json, REASON, record.reason().get());
            }
            if (record.callbackFailure().isPresent()) {
                JsonFields.writeNumber(json, CALLBACK_GIVEN_UP_AT, EpochNanos.of(record.callbackFailure().get().givenUpAt()));
                JsonFields.writeString(json, CALLBACK_FAILURE, record.callbackFailure().get().reason());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the record of call " + record.callId(), e);
        }
        return data.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a record this version can read */
    CallRecord decode(byte[] data) {
        StoredCall stored = read(data);
        if (stored.v == null || stored.v != VERSION) {
            throw new IllegalArgumentException("not a call record of format version " + VERSION);
        }
        try {
            return new CallRecord(new CallId(stored.callId), new FunctionName(stored.function),
                    new QueueName(stored.queue), CallState.ofWireName(stored.state),
                    stored.attempts == null ? 0 : stored.attempts,
                    stored.status == null ? OptionalInt.empty() : OptionalInt.of(stored.status),
                    EpochNanos.toInstant(stored.acceptedAt), EpochNanos.toInstant(stored.updatedAt),
                    Optional.ofNullable(stored.reason),
                    stored.callbackGivenUpAt == null ? Optional.empty() : Optional.of(new CallbackFailure(
                            EpochNanos.toInstant(stored.callbackGivenUpAt), String.valueOf(stored.callbackFailure))));
        } catch (NullPointerException e) {
            throw new IllegalArgumentException("incomplete call record", e);
        }
    }

    /** Reads the fields of the leading JSON object; ignores what follows it, as databind did. */
    private static StoredCall read(byte[] data) {
        StoredCall stored = new StoredCall();
        try (JsonParser json = JsonFields.FACTORY.createParser(data)) {
            JsonFields.readObject(json, field -> {
                switch (field) {
                    case "v" -> stored.v = JsonFields.readInt(json);
                    case "callId" -> stored.callId = JsonFields.readString(json);
                    case "function" -> stored.function = JsonFields.readString(json);
                    case "queue" -> stored.queue = JsonFields.readString(json);
                    case "state" -> stored.state = JsonFields.readString(json);
                    case "attempts" -> stored.attempts = JsonFields.readInt(json);
                    case "status" -> stored.status = JsonFields.readInt(json);
                    case "acceptedAt" -> stored.acceptedAt = JsonFields.readLong(json);
                    case "updatedAt" -> stored.updatedAt = JsonFields.readLong(json);
                    case "reason" -> stored.reason = JsonFields.readString(json);
                    case "callbackGivenUpAt" -> stored.callbackGivenUpAt = JsonFields.readLong(json);
                    case "callbackFailure" -> stored.callbackFailure = JsonFields.readString(json);
                    default -> json.skipChildren(); // a field this version does not know, with all it holds
                }
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("not a call record: malformed JSON", e);
        }
        return stored;
    }

    /** The fields as read, {@code null} when absent. */
    private static final class StoredCall {
        Integer v;
        String callId;
        String function;
        String queue;
        String state;
        Integer attempts;
        Integer status;
        Long acceptedAt;
        Long updatedAt;
        String reason;
        Long callbackGivenUpAt;
        String callbackFailure;
    }
}
