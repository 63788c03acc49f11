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
}
