package io.invoq.adapter.jetstream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.domain.CallState;
import io.invoq.domain.EpochNanos;
import io.invoq.domain.FunctionName;
import io.invoq.domain.QueueName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalInt;

/**
 * A call record as the calls bucket stores it: one JSON object, version {@value #VERSION}, e.g.
 * <pre>{@code
 * {"v":1,"callId":"8a3c…","function":"figlet","queue":"faas-request","state":"retrying","attempts":2,
 *  "status":503,"acceptedAt":1732240000123456789,"updatedAt":1732240010123456789}
 * }</pre>
 * {@code status} is absent until an attempt has finished; times are epoch nanoseconds. Readers
 * ignore fields they do not know.
 */
final class CallRecordCodec {

    static final int VERSION = 1;

    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    byte[] encode(CallRecord record) {
        StoredCall stored = new StoredCall(VERSION, record.callId().value(), record.function().value(),
                record.queue().value(), record.state().wireName(), record.attempts(),
                record.lastStatus().isPresent() ? record.lastStatus().getAsInt() : null,
                EpochNanos.of(record.acceptedAt()), EpochNanos.of(record.updatedAt()));
        try {
            return json.writeValueAsBytes(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the record of call " + record.callId(), e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a record this version can read */
    CallRecord decode(byte[] data) {
        StoredCall stored;
        try {
            stored = json.readValue(data, StoredCall.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a call record: malformed JSON", e);
        }
        if (stored.v() == null || stored.v() != VERSION) {
            throw new IllegalArgumentException("not a call record of format version " + VERSION);
        }
        try {
            return new CallRecord(new CallId(stored.callId()), new FunctionName(stored.function()),
                    new QueueName(stored.queue()), CallState.ofWireName(stored.state()), stored.attempts(),
                    stored.status() == null ? OptionalInt.empty() : OptionalInt.of(stored.status()),
                    EpochNanos.toInstant(stored.acceptedAt()), EpochNanos.toInstant(stored.updatedAt()));
        } catch (NullPointerException e) {
            throw new IllegalArgumentException("incomplete call record", e);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record StoredCall(Integer v, String callId, String function, String queue, String state, int attempts,
                              Integer status, Long acceptedAt, Long updatedAt) {
    }
}
