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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    private static final Instant ENQUEUED = Instant.ofEpochSecond(1_732_240_000L, 123_456_789);
    private static final byte[] NOT_UTF_8 = {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3, 0x28, (byte) 0x80};

    private final MessageCodec codec = new MessageCodec();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anInvocationSurvivesTheRoundTripExactly() {
        Invocation invocation = new Invocation(new CallId("call-1:a.b"), new FunctionName("figlet.openfaas-fn"),
                new QueueName("faas-request"), "PATCH", "/sub/path", "a=1&b=%20",
                new Headers(Map.of("X-Many", List.of("1", "2"), "Content-Type", List.of("application/octet-stream"))),
                NOT_UTF_8, Optional.of(URI.create("https://example.com/cb?x=1")), ENQUEUED, ENQUEUED.plusNanos(1));
        Envelope envelope = new Envelope(invocation, 3, Optional.of(ENQUEUED.plusSeconds(10).plusNanos(7)));

        assertThat(codec.decode(codec.encode(envelope))).isEqualTo(envelope);
    }

    @Test
    void aCallWithoutCallbackOrRetryLeavesThoseFieldsOut() throws Exception {
        JsonNode written = json.readTree(codec.encode(Envelope.of(plainCall())));

        assertThat(written.has("callbackUrl")).isFalse();
        assertThat(written.has("priorDeliveries")).isFalse();
        assertThat(written.has("retryAt")).isFalse();
        assertThat(codec.decode(codec.encode(Envelope.of(plainCall())))).isEqualTo(Envelope.of(plainCall()));
    }

    @Test
    void theFormatIsVersionedWithBase64BodyAndEpochNanoseconds() throws Exception {
        JsonNode written = json.readTree(codec.encode(Envelope.of(plainCall())));

        assertThat(written.get("v").asInt()).isEqualTo(1);
        assertThat(Base64.getDecoder().decode(written.get("body").asText())).isEqualTo(NOT_UTF_8);
        assertThat(written.get("enqueuedAt").asLong()).isEqualTo(1_732_240_000_123_456_789L);
        assertThat(written.get("headers").get("Content-Type")).hasSize(1);
    }

    @Test
    void fieldsANewerWriterAddedAreIgnored() throws Exception {
        ObjectNode written = (ObjectNode) json.readTree(codec.encode(Envelope.of(plainCall())));
        written.put("priority", 5).putObject("tracing").put("traceparent", "00-abc");

        assertThat(codec.decode(json.writeValueAsBytes(written))).isEqualTo(Envelope.of(plainCall()));
    }

    @Test
    void aMessageOfANewerFormatIsLeftForANewerReader() throws Exception {
        ObjectNode written = (ObjectNode) json.readTree(codec.encode(Envelope.of(plainCall())));
        written.put("v", 2);

        assertThatThrownBy(() -> codec.decode(json.writeValueAsBytes(written)))
                .isInstanceOfSatisfying(UnreadableMessageException.class,
                        problem -> assertThat(problem.writtenByNewerVersion()).isTrue());
    }

    @Test
    void somethingThatIsNotAnInvocationIsUnreadable() {
        assertThatThrownBy(() -> codec.decode("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UnreadableMessageException.class,
                        problem -> assertThat(problem.writtenByNewerVersion()).isFalse());
        assertThatThrownBy(() -> codec.decode("{\"v\":1,\"callId\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableMessageException.class);
        assertThatThrownBy(() -> codec.decode("{\"callId\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableMessageException.class);
    }

    private static Invocation plainCall() {
        return new Invocation(new CallId("c1"), new FunctionName("echo"), new QueueName("faas-request"), "POST", "", "",
                Headers.of("Content-Type", "text/plain"), NOT_UTF_8, Optional.empty(), ENQUEUED, ENQUEUED);
    }
}
