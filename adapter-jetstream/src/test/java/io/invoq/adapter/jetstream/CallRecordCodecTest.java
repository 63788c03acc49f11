package io.invoq.adapter.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.domain.CallState;
import io.invoq.domain.CallbackFailure;
import io.invoq.domain.FunctionName;
import io.invoq.domain.QueueName;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallRecordCodecTest {

    private static final Instant ACCEPTED = Instant.ofEpochSecond(1_732_240_000L, 123_456_789);
    /** What the ObjectMapper-based codec wrote for {@link #deadLettered()}. */
    private static final String WRITTEN_BY_THE_OBJECT_MAPPER = "{\"v\":1,\"callId\":\"call-7\",\"function\":\"figlet\","
            + "\"queue\":\"faas-request\",\"state\":\"dead-lettered\",\"attempts\":3,\"status\":503,"
            + "\"acceptedAt\":1732240000123456789,\"updatedAt\":1732240010123456790}";
    /** What the ObjectMapper-based codec wrote for {@link #queued()}: no status. */
    private static final String QUEUED_BY_THE_OBJECT_MAPPER = "{\"v\":1,\"callId\":\"call-7\",\"function\":\"figlet\","
            + "\"queue\":\"faas-request\",\"state\":\"queued\",\"attempts\":0,"
            + "\"acceptedAt\":1732240000123456789,\"updatedAt\":1732240000123456789}";
    /** {@link #deadLettered()}'s fields but the version; a test inserts fields around them. */
    private static final String FIELDS = "\"callId\":\"call-7\",\"function\":\"figlet\",\"queue\":\"faas-request\","
            + "\"state\":\"dead-lettered\",\"attempts\":3,\"status\":503,"
            + "\"acceptedAt\":1732240000123456789,\"updatedAt\":1732240010123456790";

    private final CallRecordCodec codec = new CallRecordCodec();

    @Test
    void recordsTheObjectMapperWroteAreReadTheSameAndWrittenIdentically() {
        assertThat(codec.decode(bytes(WRITTEN_BY_THE_OBJECT_MAPPER))).isEqualTo(deadLettered());
        assertThat(codec.decode(bytes(QUEUED_BY_THE_OBJECT_MAPPER))).isEqualTo(queued());
        assertThat(codec.encode(deadLettered())).isEqualTo(bytes(WRITTEN_BY_THE_OBJECT_MAPPER));
        assertThat(codec.encode(queued())).isEqualTo(bytes(QUEUED_BY_THE_OBJECT_MAPPER));
    }

    @Test
    void everyStateAndTheStatusSurviveTheRoundTrip() throws Exception {
        for (CallState state : CallState.values()) {
            CallRecord withStatus = new CallRecord(new CallId("c1"), new FunctionName("echo"), QueueName.DEFAULT, state,
                    Integer.MAX_VALUE, OptionalInt.of(504), Instant.ofEpochSecond(-1, 1), ACCEPTED);
            CallRecord noStatusYet = new CallRecord(withStatus.callId(), withStatus.function(), withStatus.queue(), state,
                    0, OptionalInt.empty(), ACCEPTED, ACCEPTED);

            assertThat(codec.decode(codec.encode(withStatus))).isEqualTo(withStatus);
            assertThat(codec.decode(codec.encode(noStatusYet))).isEqualTo(noStatusYet);
            assertThat(new ObjectMapper().readTree(codec.encode(noStatusYet)).has("status")).isFalse();
        }
    }

    @Test
    void aReasonSurvivesTheRoundTripAndIsLeftOutWhenThereIsNone() throws Exception {
        CallRecord withReason = deadLettered().because(Optional.of("failed in the worker: \"quoted\" ü"));

        assertThat(codec.decode(codec.encode(withReason))).isEqualTo(withReason);
        assertThat(new ObjectMapper().readTree(codec.encode(deadLettered())).has("reason")).isFalse();
    }

    @Test
    void aCallbackGivenUpOnSurvivesTheRoundTripAndIsLeftOutWhenThereIsNone() throws Exception {
        CallRecord givenUp = deadLettered().withCallbackFailure(
                new CallbackFailure(ACCEPTED.plusSeconds(40).plusNanos(7), "callback unreachable: refused"));

        assertThat(codec.decode(codec.encode(givenUp))).isEqualTo(givenUp);
        assertThat(new ObjectMapper().readTree(codec.encode(deadLettered())).has("callbackGivenUpAt")).isFalse();
    }

    @Test
    void theTimesAreEpochNanosecondNumbers() throws Exception {
        JsonNode written = new ObjectMapper().readTree(codec.encode(deadLettered()));

        assertThat(written.get("acceptedAt").isIntegralNumber()).isTrue();
        assertThat(written.get("acceptedAt").asLong()).isEqualTo(1_732_240_000_123_456_789L);
        assertThat(written.get("updatedAt").asLong()).isEqualTo(1_732_240_010_123_456_790L);
    }

    @Test
    void unknownFieldsAreSkippedWhateverTheyHold() {
        String record = "{\"first\":{\"a\":[1,{\"b\":[[],{}]},\"}\"],\"v\":2},\"v\":1,\"list\":[{\"v\":2},[\"]\"],true,null],"
                + FIELDS + ",\"note\":\"{\",\"retries\":{\"next\":1732240020000000000,\"why\":[\"503\"]},\"n\":1.5}";

        assertThat(codec.decode(bytes(record))).isEqualTo(deadLettered());
    }

    @Test
    void absentOrNullOptionalFieldsReadAsTheirDefaults() {
        String record = "{\"v\":1,\"callId\":\"call-7\",\"function\":\"figlet\",\"queue\":\"faas-request\","
                + "\"state\":\"queued\",\"status\":null,\"acceptedAt\":1732240000123456789,\"updatedAt\":1732240000123456789}";

        assertThat(codec.decode(bytes(record))).isEqualTo(queued());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"v\":\"1\"", "\"v\":1.0", "\"v\":[1]", "\"callId\":7", "\"function\":[\"secret\"]", "\"queue\":{}",
        "\"state\":true", "\"attempts\":\"secret\"", "\"attempts\":2.5", "\"attempts\":99999999999",
        "\"status\":\"503\"", "\"status\":{\"secret\":1}", "\"acceptedAt\":\"secret\"", "\"updatedAt\":1.5e18",
        "\"updatedAt\":99999999999999999999"})
    void aKnownFieldOfTheWrongTypeIsRefused(String wrongField) {
        assertThatThrownBy(() -> codec.decode(bytes("{\"v\":1," + FIELDS + "," + wrongField + "}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a call record: malformed JSON")
                .cause().message().doesNotContain("secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "\"v\"", "1", "{\"v\":1", "{\"v\":1,}", "secret"})
    void somethingThatIsNotAnObjectIsMalformed(String data) {
        assertThatThrownBy(() -> codec.decode(bytes(data)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a call record: malformed JSON");
    }

    @Test
    void anotherVersionOrAMissingFieldIsRefused() {
        assertThatThrownBy(() -> codec.decode(bytes("{" + FIELDS + "}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a call record of format version 1");
        assertThatThrownBy(() -> codec.decode(bytes("{\"v\":2," + FIELDS + "}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a call record of format version 1");
        assertThatThrownBy(() -> codec.decode(bytes("{\"v\":null," + FIELDS + "}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a call record of format version 1");
        assertThatThrownBy(() -> codec.decode(bytes("{\"v\":1,\"callId\":\"call-7\",\"function\":\"figlet\","
                + "\"queue\":\"faas-request\",\"state\":\"queued\",\"acceptedAt\":1}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("incomplete call record");
        assertThatThrownBy(() -> codec.decode(bytes("{\"v\":1," + FIELDS + ",\"state\":null}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("incomplete call record");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static CallRecord deadLettered() {
        return new CallRecord(new CallId("call-7"), new FunctionName("figlet"), new QueueName("faas-request"),
                CallState.DEAD_LETTERED, 3, OptionalInt.of(503), ACCEPTED, ACCEPTED.plusSeconds(10).plusNanos(1));
    }

    private static CallRecord queued() {
        return new CallRecord(new CallId("call-7"), new FunctionName("figlet"), new QueueName("faas-request"),
                CallState.QUEUED, 0, OptionalInt.empty(), ACCEPTED, ACCEPTED);
    }
}
