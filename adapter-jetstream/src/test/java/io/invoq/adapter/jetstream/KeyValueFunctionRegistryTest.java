package io.invoq.adapter.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.nats.client.Connection;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyValueFunctionRegistryTest {

    private static NatsServerProcess server;

    private JetStreamSettings settings;
    private JetStreamConnection gatewayConnection;
    private JetStreamConnection workerConnection;
    private KeyValueFunctionRegistry gateway;
    private KeyValueFunctionRegistry worker;

    @BeforeAll
    static void startServer() {
        server = NatsServerProcess.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connectTwoProcessesToAFreshBucket() {
        settings = JetStreamSettings.builder().urls(server.url()).functionsBucket("functions_" + UUID.randomUUID()).build();
        gatewayConnection = TestBrokers.connect(settings);
        workerConnection = TestBrokers.connect(settings);
        gateway = new KeyValueFunctionRegistry(gatewayConnection, settings);
        worker = new KeyValueFunctionRegistry(workerConnection, settings);
    }

    @AfterEach
    void disconnect() {
        gatewayConnection.close();
        workerConnection.close();
    }

    @Test
    void aFunctionSavedByOneProcessIsFoundByAnother() {
        FunctionDefinition figlet = function("figlet", "http://figlet:8080", Map.of("com.openfaas.queue", "slow"));

        assertThat(gateway.save(figlet)).isTrue();

        assertThat(worker.find(new FunctionName("figlet"))).contains(figlet);
    }

    @Test
    void savingAgainReplacesTheFunctionAndSaysItWasKnown() {
        gateway.save(function("figlet", "http://old:8080", Map.of()));
        FunctionDefinition replacement = function("figlet", "http://new:8080", Map.of("com.invoq.timeout", "5m"));

        assertThat(worker.save(replacement)).isFalse();

        assertThat(worker.find(new FunctionName("figlet"))).contains(replacement);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(gateway.find(new FunctionName("figlet"))).as("the change, once watched").contains(replacement));
    }

    @Test
    void everyProcessListsTheSameFunctionsInNameOrder() {
        gateway.save(function("zeta", "http://zeta:8080", Map.of()));
        worker.save(function("alpha", "http://alpha:8080", Map.of()));

        assertThat(gateway.list()).extracting(definition -> definition.name().value()).containsExactly("alpha", "zeta");
        assertThat(worker.list()).isEqualTo(gateway.list());
    }

    @Test
    void aListingShowsEveryChangeAnotherProcessMadeBeforeIt() {
        gateway.save(function("alpha", "http://alpha:8080", Map.of()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(gateway.find(new FunctionName("alpha"))).as("the gateway's copy, once watched").isPresent());

        for (int round = 0; round < 20; round++) {
            FunctionDefinition added = function("f" + round, "http://f:8080", Map.of("round", "" + round));
            worker.save(added);
            assertThat(gateway.list()).as("round %d, once saved", round).contains(added);
            worker.remove(added.name());
            assertThat(gateway.list()).as("round %d, once removed", round).extracting(FunctionDefinition::name)
                    .containsExactly(new FunctionName("alpha"));
        }
    }

    @Test
    void aRemovedFunctionIsGoneEverywhereAndCanBeRegisteredAnew() {
        FunctionDefinition figlet = function("figlet", "http://figlet:8080", Map.of());
        gateway.save(figlet);

        assertThat(worker.remove(new FunctionName("figlet"))).isTrue();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(gateway.find(new FunctionName("figlet"))).as("the removal, once watched").isEmpty());
        assertThat(gateway.list()).isEmpty();
        assertThat(gateway.remove(new FunctionName("figlet"))).isFalse();
        assertThat(gateway.save(figlet)).isTrue();
    }

    @Test
    void anUnknownFunctionIsNotFound() {
        assertThat(gateway.find(new FunctionName("nobody"))).isEmpty();
        assertThat(gateway.remove(new FunctionName("nobody"))).isFalse();
        assertThat(gateway.list()).isEmpty();
    }

    @Test
    void functionsWhoseNamesAreNotPlainKeysAreKeptToo() {
        for (String name : new String[] {".hidden", "trailing.", "a..b", "figlet.openfaas-fn"}) {
            FunctionDefinition function = function(name, "http://f:8080", Map.of());

            assertThat(gateway.save(function)).isTrue();
            assertThat(worker.find(function.name())).contains(function);
        }
        assertThat(worker.list()).hasSize(4);
    }

    @Test
    void theBucketIsCreatedOnFirstUseAndKeepsOneFileBackedRevisionPerFunction() throws Exception {
        gateway.find(new FunctionName("figlet"));

        Connection operator = TestBrokers.operator(server);
        try {
            KeyValueConfiguration bucket = operator.keyValueManagement().getStatus(settings.functionsBucket()).getConfiguration();
            assertThat(bucket.getStorageType()).isEqualTo(StorageType.File);
            assertThat(bucket.getMaxHistoryPerKey()).isEqualTo(1);
            assertThat(bucket.getReplicas()).isEqualTo(1);
        } finally {
            operator.close();
        }
    }

    private static FunctionDefinition function(String name, String url, Map<String, String> annotations) {
        return new FunctionDefinition(new FunctionName(name), URI.create(url), annotations);
    }
}
