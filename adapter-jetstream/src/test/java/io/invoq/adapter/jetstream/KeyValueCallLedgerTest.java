package io.invoq.adapter.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.domain.Invocation;
import io.invoq.ports.out.CallLedgerSettings;
import io.invoq.ports.out.QueueUnavailableException;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyValueCallLedgerTest {

    private final NatsServerProcess server = NatsServerProcess.start();
    private final JetStreamSettings settings = JetStreamSettings.builder()
            .urls(server.url())
            .callsBucket("calls_" + UUID.randomUUID())
            .build();
    private final JetStreamConnection connection = TestBrokers.connect(settings);
    private final KeyValueCallLedger ledger =
            new KeyValueCallLedger(connection, settings, new CallLedgerSettings(Duration.ofHours(6)));

    @AfterEach
    void stop() {
        connection.close();
        server.close();
    }

    @Test
    void theBucketIsCreatedOnFirstUseWithTheRetentionAsMaxAgeAndOneFileBackedRevisionPerCall() throws Exception {
        ledger.find(CallId.generate()).join();

        try (Connection operator = TestBrokers.operator(server)) {
            KeyValueConfiguration bucket = operator.keyValueManagement().getStatus(settings.callsBucket()).getConfiguration();
            assertThat(bucket.getTtl()).isEqualTo(Duration.ofHours(6));
            assertThat(bucket.getStorageType()).isEqualTo(StorageType.File);
            assertThat(bucket.getMaxHistoryPerKey()).isEqualTo(1);
        }
    }

    @Test
    void aRestartWithAnotherRetentionGivesItToTheBucket() throws Exception {
        ledger.find(CallId.generate()).join();

        try (JetStreamConnection restarted = TestBrokers.connect(settings)) {
            new KeyValueCallLedger(restarted, settings, new CallLedgerSettings(Duration.ofMinutes(1)))
                    .find(CallId.generate()).join();
        }

        try (Connection operator = TestBrokers.operator(server)) {
            assertThat(operator.keyValueManagement().getStatus(settings.callsBucket()).getConfiguration().getTtl())
                    .isEqualTo(Duration.ofMinutes(1));
        }
    }

    @Test
    void callIdsThatAreNotPlainKeysAreRecordedEachUnderAKeyOfItsOwn() {
        for (String id : new String[] {"order:42", ".hidden", "trailing.", "a..b", "a.b", "a-2Eb"}) {
            Invocation call = TestCalls.call(TestCalls.uniqueQueue(), "figlet", new CallId(id));

            assertThat(ledger.change(call.callId(), CallChange.accepted(call)).join()).as(id).isEmpty();
            assertThat(ledger.find(call.callId()).join()).as(id).contains(CallRecord.queued(call));
        }
    }

    @Test
    void aBucketAnOperatorMadeWithoutDirectGetsIsStillReadAndWritten() throws Exception {
        try (Connection operator = TestBrokers.operator(server)) {
            operator.keyValueManagement().create(KeyValueConfiguration.builder()
                    .name(settings.callsBucket()).storageType(StorageType.File).build());
            JetStreamManagement management = operator.jetStreamManagement();
            String backingStream = "KV_" + settings.callsBucket();
            management.updateStream(StreamConfiguration.builder(management.getStreamInfo(backingStream).getConfiguration())
                    .allowDirect(false).build());
            assertThat(management.getStreamInfo(backingStream).getConfiguration().getAllowDirect()).isFalse();
        }
        Invocation call = TestCalls.call(TestCalls.uniqueQueue(), "figlet");
        try (JetStreamConnection another = TestBrokers.connect(settings)) {
            KeyValueCallLedger anotherProcesses = new KeyValueCallLedger(another, settings,
                    new CallLedgerSettings(Duration.ofHours(6)));

            ledger.change(call.callId(), CallChange.accepted(call)).join();

            assertThat(anotherProcesses.find(call.callId()).join()).contains(CallRecord.queued(call));
            assertThat(anotherProcesses.find(CallId.generate()).join()).isEmpty();
        }
    }

    @Test
    void whileTheServerIsDownChangesAndLookUpsFailAsUnavailable() {
        Invocation call = TestCalls.call(TestCalls.uniqueQueue(), "figlet");
        ledger.change(call.callId(), CallChange.accepted(call)).join();

        server.stop();

        await().atMost(Duration.ofSeconds(20)).until(() -> !connection.isConnected());
        assertThatThrownBy(() -> ledger.find(call.callId()).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(QueueUnavailableException.class);
        assertThatThrownBy(() -> ledger.change(call.callId(), CallChange.accepted(call)).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(QueueUnavailableException.class);
    }
}
