package io.invoq.adapter.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoq.domain.CallId;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {

    private static final Instant ENQUEUED = Instant.ofEpochSecond(1_732_240_000L, 123_456_789);
    private static final byte[] NOT_UTF_8 = {(byte) 0xff, (byte) 0xfe, 0, '\n', (byte) 0xc3, 0x28, (byte) 0x80, '\n'};
    /** What invoq wrote before the body was stored raw; its body is {@link #NOT_UTF_8}. */
    private static final String VERSION_1_MESSAGE = "{\"v\":1,\"callId\":\"c1\",\"function\":\"echo\","
            + "\"queue\":\"faas-request\",\"method\":\"POST\",\"path\":\"\",\"query\":\"\","
            + "\"headers\":{\"Content-Type\":[\"text/plain\"]},\"body\":\"//4ACsMogAo=\","
            + "\"enqueuedAt\":1732240000123456789,\"notBefore\":1732240000123456789}";

    private final MessageCodec codec = new MessageCodec();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anInvocationSurvivesTheRoundTripExactly() {
        Invocation invocation = new Invocation(new CallId("call-1:a.b"), new FunctionName("figlet.openfaas-fn"),
                new QueueName("faas-request"), "PATCH", "/sub/path", "a=1&b=%20",
                new Headers(Map.of("X-Many", List.of("1", "2\nescaped"), "Content-Type", List.of("application/octet-stream"))),
                NOT_UTF_8, Optional.of(URI.create("https://example.com/cb?x=1")), ENQUEUED, ENQUEUED.plusNanos(1));
        Envelope envelope = new Envelope(invocation, 3, Optional.of(ENQUEUED.plusSeconds(10).plusNanos(7)));

        assertThat(codec.decode(codec.encode(envelope))).isEqualTo(envelope);
    }

    @Test
    void aCallWithoutCallbackOrRetryLeavesThoseFieldsOut() throws Exception {
        JsonNode written = metadataOf(codec.encode(Envelope.of(plainCall())));

        assertThat(written.has("callbackUrl")).isFalse();
        assertThat(written.has("priorDeliveries")).isFalse();
        assertThat(written.has("retryAt")).isFalse();
        assertThat(codec.decode(codec.encode(Envelope.of(plainCall())))).isEqualTo(Envelope.of(plainCall()));
    }

    @Test
    void theFormatIsAVersionedMetadataLineFollowedByTheRawBody() throws Exception {
        byte[] data = codec.encode(Envelope.of(plainCall()));
        int endOfMetadata = indexOfLineFeed(data);
        JsonNode written = metadataOf(data);

        assertThat(written.get("v").asInt()).isEqualTo(2);
        assertThat(written.has("body")).isFalse();
        assertThat(written.get("enqueuedAt").asLong()).isEqualTo(1_732_240_000_123_456_789L);
        assertThat(written.get("headers").get("Content-Type")).hasSize(1);
        assertThat(Arrays.copyOfRange(data, endOfMetadata + 1, data.length)).isEqualTo(NOT_UTF_8);
    }

    @Test
    void aMessageOfTheBase64JsonFormatIsStillRead() {
        assertThat(codec.decode(VERSION_1_MESSAGE.getBytes(StandardCharsets.UTF_8))).isEqualTo(Envelope.of(plainCall()));
    }

    @Test
    void aVersion1ReaderFindsTheNewerVersionInTheLeadingObject() throws Exception {
        JsonNode leading = json.readTree(json.createParser(codec.encode(Envelope.of(plainCall()))));

        assertThat(leading.get("v").asInt()).isGreaterThan(1);
    }

    @Test
    void fieldsANewerWriterAddedAreIgnored() throws Exception {
        ObjectNode written = (ObjectNode) metadataOf(codec.encode(Envelope.of(plainCall())));
        written.put("priority", 5).putObject("tracing").put("traceparent", "00-abc");

        assertThat(codec.decode(message(written, NOT_UTF_8))).isEqualTo(Envelope.of(plainCall()));
    }

    @Test
    void aMessageOfANewerFormatIsLeftForANewerReader() throws Exception {
        ObjectNode written = (ObjectNode) metadataOf(codec.encode(Envelope.of(plainCall())));
        written.put("v", 3);

        assertThatThrownBy(() -> codec.decode(message(written, NOT_UTF_8)))
                .isInstanceOfSatisfying(UnreadableMessageException.class,
                        problem -> assertThat(problem.writtenByNewerVersion()).isTrue());
    }

    @Test
    void somethingThatIsNotAnInvocationIsUnreadable() throws Exception {
        ObjectNode withoutBody = (ObjectNode) metadataOf(codec.encode(Envelope.of(plainCall())));

        assertThatThrownBy(() -> codec.decode("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UnreadableMessageException.class,
                        problem -> assertThat(problem.writtenByNewerVersion()).isFalse());
        assertThatThrownBy(() -> codec.decode("{\"v\":1,\"callId\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableMessageException.class);
        assertThatThrownBy(() -> codec.decode("{\"callId\":\"x\"}\nbody".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableMessageException.class);
        assertThatThrownBy(() -> codec.decode(json.writeValueAsBytes(withoutBody)))
                .isInstanceOf(UnreadableMessageException.class);
    }

    /** What the ObjectMapper-based codec wrote for {@link #callWithEverything()}: the metadata line, then the body. */
    private static final String WRITTEN_BY_THE_OBJECT_MAPPER = "{\"v\":2,\"callId\":\"call-7\",\"function\":\"figlet\","
            + "\"queue\":\"faas-request\",\"method\":\"PUT\",\"path\":\"/a/b\",\"query\":\"x=1&y=%22\","
            + "\"headers\":{\"Content-Type\":[\"application/json\"],"
            + "\"X-Quote\":[\"say \\\"hi\\\"\\\\n\",\"\u00e9\u20ac\\uD83D\\uDE00\\nnext\"]},"
            + "\"callbackUrl\":\"https://example.com/cb?token=1\",\"enqueuedAt\":1732240000123456789,"
            + "\"notBefore\":1732240005123456789,\"priorDeliveries\":2,\"retryAt\":1732240010123456790}"
            + "\n{\"n\":1}\n\u00e9";
    /** What the version 1 codec wrote for {@link #callWithEverything()}. */
    private static final String VERSION_1_WITH_EVERYTHING = "{\"v\":1,\"callId\":\"call-7\",\"function\":\"figlet\","
            + "\"queue\":\"faas-request\",\"method\":\"PUT\",\"path\":\"/a/b\",\"query\":\"x=1&y=%22\","
            + "\"headers\":{\"Content-Type\":[\"application/json\"],"
            + "\"X-Quote\":[\"say \\\"hi\\\"\\\\n\",\"\u00e9\u20ac\\uD83D\\uDE00\\nnext\"]},"
            + "\"body\":\"eyJuIjoxfQrDqQ==\",\"callbackUrl\":\"https://example.com/cb?token=1\","
            + "\"enqueuedAt\":1732240000123456789,\"notBefore\":1732240005123456789,\"priorDeliveries\":2,"
            + "\"retryAt\":1732240010123456790}";
    /** {@link #plainCall()}'s metadata with its fields in the order of the writer; a test inserts fields at {@code %s}. */
    private static final String PLAIN_CALL_FIELDS = "\"callId\":\"c1\",\"function\":\"echo\",\"queue\":\"faas-request\","
            + "\"method\":\"POST\",\"path\":\"\",\"query\":\"\",\"headers\":{\"Content-Type\":[\"text/plain\"]},"
            + "\"enqueuedAt\":1732240000123456789,\"notBefore\":1732240000123456789";

    @Test
    void aMessageTheObjectMapperWroteIsReadTheSameAndWrittenIdentically() {
        byte[] old = WRITTEN_BY_THE_OBJECT_MAPPER.getBytes(StandardCharsets.UTF_8);

        assertThat(codec.decode(old)).isEqualTo(callWithEverything());
        assertThat(codec.encode(callWithEverything())).isEqualTo(old);
    }

    @Test
    void aVersion1MessageWithEveryFieldIsRead() {
        assertThat(codec.decode(VERSION_1_WITH_EVERYTHING.getBytes(StandardCharsets.UTF_8))).isEqualTo(callWithEverything());
    }

    @Test
    void unknownFieldsAreSkippedWhateverTheyHold() {
        String metadata = "{\"first\":{\"a\":[1,{\"b\":[[],{}]},\"}\"],\"c\":null},\"v\":2,"
                + "\"list\":[{\"v\":3},[\"]\",\"\\n\"],true,1.5e3,null],\"n\":-7,\"s\":\"{[\","
                + PLAIN_CALL_FIELDS + ",\"tracing\":{\"traceparent\":\"00-abc\",\"nested\":{\"headers\":5}},\"last\":[]}";

        assertThat(codec.decode(message(metadata))).isEqualTo(Envelope.of(plainCall()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"v\":\"2\"", "\"v\":2.0", "\"v\":true", "\"v\":{}", "\"v\":99999999999",
        "\"callId\":5", "\"callId\":[\"secret\"]", "\"function\":{\"secret\":1}", "\"method\":false",
        "\"headers\":\"secret\"", "\"headers\":[\"secret\"]", "\"headers\":{\"A\":\"secret\"}",
        "\"headers\":{\"A\":[[\"secret\"]]}", "\"headers\":{\"A\":[7]}", "\"callbackUrl\":{}",
        "\"enqueuedAt\":\"1732240000123456789\"", "\"notBefore\":1.5", "\"priorDeliveries\":\"secret\"",
        "\"retryAt\":[1]", "\"retryAt\":99999999999999999999", "\"body\":{\"secret\":1}", "\"body\":\"secret!\""})
    void aKnownFieldOfTheWrongTypeIsUnreadable(String wrongField) {
        byte[] data = message("{\"v\":2," + PLAIN_CALL_FIELDS + "," + wrongField + "}");

        assertThatThrownBy(() -> codec.decode(data))
                .isInstanceOfSatisfying(UnreadableMessageException.class, problem -> {
                    assertThat(problem.writtenByNewerVersion()).isFalse();
                    assertThat(problem).hasMessage("not an invoq message: malformed JSON");
                    assertThat(problem.getCause()).message().doesNotContain("secret");
                });
    }

    @Test
    void anInvalidCallbackUrlIsUnreadableWithoutBeingQuoted() {
        byte[] data = message("{\"v\":2," + PLAIN_CALL_FIELDS + ",\"callbackUrl\":\"https://h/cb?token=secret value\"}");

        assertThatThrownBy(() -> codec.decode(data))
                .isInstanceOf(UnreadableMessageException.class)
                .hasMessage("incomplete or invalid invoq message: the callback URL is not a valid URI")
                .hasRootCauseMessage("the callback URL is not a valid URI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "[{\"v\":2}]", "\"v\"", "2", "", "{\"v\":2", "{\"v\":2,}", "{v:2}"})
    void metadataThatIsNotAnObjectIsMalformed(String metadata) {
        assertThatThrownBy(() -> codec.decode(message(metadata)))
                .isInstanceOfSatisfying(UnreadableMessageException.class, problem -> {
                    assertThat(problem.writtenByNewerVersion()).isFalse();
                    assertThat(problem).hasMessage("not an invoq message: malformed JSON");
                });
    }

    @Test
    void nullsReadAsAbsentFields() {
        String metadata = "{\"v\":2," + PLAIN_CALL_FIELDS
                + ",\"callbackUrl\":null,\"priorDeliveries\":null,\"retryAt\":null,\"body\":null}";

        assertThat(codec.decode(message(metadata))).isEqualTo(Envelope.of(plainCall()));
        assertThatThrownBy(() -> codec.decode(message("{\"v\":2," + PLAIN_CALL_FIELDS + ",\"callId\":null}")))
                .isInstanceOf(UnreadableMessageException.class)
                .hasMessage("incomplete or invalid invoq message: call id");
    }

    @Test
    void aNewerVersionIsRecognisedWhereverItsVersionStands() {
        assertThatThrownBy(() -> codec.decode(message("{" + PLAIN_CALL_FIELDS + ",\"v\":3,\"more\":{\"x\":[]}}")))
                .isInstanceOfSatisfying(UnreadableMessageException.class, problem -> {
                    assertThat(problem.writtenByNewerVersion()).isTrue();
                    assertThat(problem).hasMessage("format version 3 is newer than 2");
                });
    }

    @ParameterizedTest
    @CsvSource({
        "false, 0, false", "true, 0, false", "false, 4, false", "false, 0, true",
        "true, 4, false", "true, 0, true", "false, 4, true", "true, 4, true"})
    void theOptionalFieldsAreWrittenOnlyWhenPresentAndSurviveTheRoundTrip(
            boolean callback, int priorDeliveries, boolean retry) throws Exception {
        Invocation call = new Invocation(new CallId("c1"), new FunctionName("echo"), new QueueName("faas-request"), "POST",
                "", "", Headers.EMPTY, new byte[0],
                callback ? Optional.of(URI.create("http://cb.local:8080/done")) : Optional.empty(), ENQUEUED, ENQUEUED);
        Envelope envelope = new Envelope(call, priorDeliveries, retry ? Optional.of(ENQUEUED.plusMillis(1500)) : Optional.empty());
        byte[] data = codec.encode(envelope);
        JsonNode written = metadataOf(data);

        assertThat(codec.decode(data)).isEqualTo(envelope);
        assertThat(written.has("callbackUrl")).isEqualTo(callback);
        assertThat(written.has("priorDeliveries")).isEqualTo(priorDeliveries != 0);
        assertThat(written.has("retryAt")).isEqualTo(retry);
        assertThat(written.get("headers").isObject()).isTrue();
        if (retry) {
            assertThat(written.get("retryAt").isIntegralNumber()).isTrue();
            assertThat(written.get("retryAt").asLong()).isEqualTo(1_732_240_001_623_456_789L);
        }
    }

    @Test
    void awkwardHeadersSurviveAndTheMetadataStaysOneLine() {
        String awkward = "q\"uote \\back\\slash\n\r\tcontrol\u0000\u001f\u007f \u00e9\u20ac\ud83d\ude00 \u2028";
        Invocation call = new Invocation(new CallId("c1"), new FunctionName("echo"), new QueueName("faas-request"), "POST",
                "/p\u00e9", "q=\"\\\n", new Headers(Map.of(awkward, List.of(awkward, "", "\n"), "X-\u00e9\n", List.of("\\"))),
                "line 1\nline 2\n".getBytes(StandardCharsets.UTF_8), Optional.empty(), ENQUEUED, ENQUEUED);
        byte[] data = codec.encode(Envelope.of(call));
        int endOfMetadata = indexOfLineFeed(data);

        assertThat(codec.decode(data)).isEqualTo(Envelope.of(call));
        assertThat(Arrays.copyOfRange(data, endOfMetadata + 1, data.length)).isEqualTo(call.body());
        assertThat(new String(data, 0, endOfMetadata, StandardCharsets.UTF_8)).doesNotContain("\r").contains("\u00e9");
    }

    private JsonNode metadataOf(byte[] data) throws Exception {
        return json.readTree(Arrays.copyOf(data, indexOfLineFeed(data)));
    }

    private byte[] message(JsonNode metadata, byte[] body) throws Exception {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(json.writeValueAsBytes(metadata));
        data.write('\n');
        data.write(body);
        return data.toByteArray();
    }

    /** A message of the metadata line and {@link #plainCall()}'s body. */
    private static byte[] message(String metadata) {
        byte[] line = (metadata + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOf(line, line.length + NOT_UTF_8.length);
        System.arraycopy(NOT_UTF_8, 0, data, line.length, NOT_UTF_8.length);
        return data;
    }

    private static int indexOfLineFeed(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        throw new AssertionError("no line feed");
    }

    private static Invocation plainCall() {
        return new Invocation(new CallId("c1"), new FunctionName("echo"), new QueueName("faas-request"), "POST", "", "",
                Headers.of("Content-Type", "text/plain"), NOT_UTF_8, Optional.empty(), ENQUEUED, ENQUEUED);
    }

    private static Envelope callWithEverything() {
        Invocation call = new Invocation(new CallId("call-7"), new FunctionName("figlet"), new QueueName("faas-request"),
                "PUT", "/a/b", "x=1&y=%22",
                new Headers(Map.of("Content-Type", List.of("application/json"),
                        "X-Quote", List.of("say \"hi\"\\n", "\u00e9\u20ac\ud83d\ude00\nnext"))),
                "{\"n\":1}\n\u00e9".getBytes(StandardCharsets.UTF_8), Optional.of(URI.create("https://example.com/cb?token=1")),
                ENQUEUED, ENQUEUED.plusSeconds(5));
        return new Envelope(call, 2, Optional.of(ENQUEUED.plusSeconds(10).plusNanos(1)));
    }
}
