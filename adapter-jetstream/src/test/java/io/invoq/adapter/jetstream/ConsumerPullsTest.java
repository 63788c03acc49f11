package io.invoq.adapter.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConsumerPullsTest {

    private static final String STREAM = "PULLS";
    private static final String DURABLE = "pullers";
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(5);

    @RegisterExtension
    static final RealNatsServer nats = new RealNatsServer();

    private final ConsumerPulls pulls = new ConsumerPulls();
    private Connection operator;
    private JetStream jetStream;

    @BeforeEach
    void createStreamAndConsumer() throws Exception {
        operator = TestBrokers.operator(nats.server());
        var management = TestBrokers.management(operator);
        management.addStream(StreamConfiguration.builder().name(STREAM).subjects("pulls.>").build());
        management.addOrUpdateConsumer(STREAM, ConsumerConfiguration.builder()
                .durable(DURABLE).ackPolicy(AckPolicy.Explicit).build());
        jetStream = operator.jetStream();
    }

    @AfterEach
    void deleteStream() throws Exception {
        TestBrokers.management(operator).deleteStream(STREAM);
        operator.close();
    }

    @Test
    void aPullGivenUpBeforeTheServerAnsweredNeitherEndsNorOverfillsTheNextOne() throws Exception {
        assertThat(pulls.pull(jetStream, STREAM, DURABLE, 5, Duration.ZERO, Duration.ofNanos(1))).isEmpty();
        for (String body : List.of("one", "two", "three")) {
            jetStream.publish("pulls.f", body.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(bodies(pulls.pull(jetStream, STREAM, DURABLE, 2, Duration.ofSeconds(2), ANSWER_GRACE)))
                .containsExactly("one", "two");
        assertThat(bodies(pulls.pull(jetStream, STREAM, DURABLE, 2, Duration.ofSeconds(2), ANSWER_GRACE)))
                .containsExactly("three");
    }

    @Test
    void whatTheServerSendsToAPullGivenUpBeforeItsAnswerGoesToTheNextPullOnce() throws Exception {
        jetStream.publish("pulls.f", "one".getBytes(StandardCharsets.UTF_8));

        // given up before its answer is read, as by a thread stalled past its deadline
        List<Message> pulled = new ArrayList<>(pulls.pull(jetStream, STREAM, DURABLE, 1, Duration.ZERO, Duration.ofNanos(1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            pulled.addAll(pulls.pull(jetStream, STREAM, DURABLE, 1, Duration.ofMillis(200), ANSWER_GRACE));
            return !pulled.isEmpty();
        });

        assertThat(bodies(pulled)).containsExactly("one");
        assertThat(pulled.get(0).metaData().deliveredCount())
                .as("delivered once, not again once its 30 s ack wait ran out").isEqualTo(1);
    }

    @Test
    void pullsOneAfterAnotherGetEveryMessageOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            jetStream.publish("pulls.f", ("m" + round).getBytes(StandardCharsets.UTF_8));

            List<Message> pulled = pulls.pull(jetStream, STREAM, DURABLE, 3, Duration.ofSeconds(2), ANSWER_GRACE);

            assertThat(bodies(pulled)).containsExactly("m" + round);
            pulled.forEach(Message::ack);
        }
    }

    private static List<String> bodies(List<Message> messages) {
        return messages.stream().map(message -> new String(message.getData(), StandardCharsets.UTF_8)).toList();
    }
}
