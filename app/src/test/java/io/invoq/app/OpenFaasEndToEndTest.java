package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoq.app.RecordingHttpServer.Request;
import io.invoq.app.RecordingHttpServer.Response;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What OpenFaaS users do with an async gateway, over real sockets, on the broker a subclass starts
 * invoq with: chaining functions through callbacks, and the exact requests (method, path, headers,
 * body) that faas-cli, the connector-sdk and the cron-connector send, as their Go sources build them.
 */
abstract class OpenFaasEndToEndTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** faas-cli's User-Agent: {@code faas-cli/<version> (openfaas; <os>; <arch>)} on invoke, {@code faas-cli/<version>} else. */
    private static final String FAAS_CLI = "faas-cli/0.17.8";
    private static final String FAAS_CLI_INVOKE = FAAS_CLI + " (openfaas; linux; amd64)";
    /** What Go's net/http sends when a client sets no User-Agent, as the connector-sdk's SDK does. */
    private static final String GO_CLIENT = "Go-http-client/1.1";

    /** Functions a, b, c and echo at /a, /b, /c and /echo; a and b name the next step in their answer's X-Callback-Url. */
    final RecordingHttpServer functions = new RecordingHttpServer(this::answer);
    final RecordingHttpServer callbacks = RecordingHttpServer.answering(Response.status(204));
    RunningInvoq invoq;
    InvoqClient client;

    /** The flags that choose and reach the broker. */
    abstract List<String> brokerFlags();

    @BeforeEach
    void start() {
        invoq = startInvoq();
        client = new InvoqClient(invoq.port());
        for (String name : List.of("a", "b", "c", "echo")) {
            assertThat(client.registerFunction(name, functions.url("/" + name)).statusCode()).isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        invoq.close();
        functions.close();
        callbacks.close();
    }

    // --- chaining ---

    @Test
    void a_chain_a_b_c_through_callbacks_to_async_function_runs_each_function_once_and_calls_back_at_its_end() {
        HttpResponse<String> accepted = client.send("POST", "/async-function/a", "start",
                "X-Call-Id", "chain:1", "X-Callback-Url", gateway("/async-function/b"));
        assertThat(accepted.statusCode()).isEqualTo(202);

        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 1);
        Request last = callbacks.requests().get(0);
        assertThat(last.header("X-Function-Name")).isEqualTo("c");
        assertThat(last.header("X-Call-Id")).isEqualTo("chain:1:b:c");
        assertThat(last.header("X-Parent-Call-Id")).isEqualTo("chain:1:b");
        assertThat(last.bodyText()).isEqualTo("c after b after a after start");
        assertThat(functionPaths()).containsExactly("/a", "/b", "/c");
        Request b = functions.requests().get(1);
        assertThat(b.header("X-Call-Id")).isEqualTo("chain:1:b");
        assertThat(b.header("X-Parent-Call-Id")).isEqualTo("chain:1");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertSucceeded("chain:1", "a");
            assertSucceeded("chain:1:b", "b");
            assertSucceeded("chain:1:b:c", "c");
        });
    }

    @Test
    void a_retried_callback_is_a_duplicate_of_the_chained_call_it_made_and_answers_that_calls_id() {
        HttpResponse<String> first = callbackOfA("again:1");
        HttpResponse<String> retried = callbackOfA("again:1");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("X-Call-Id")).contains("again:1:b");
        assertThat(retried.headers().firstValue("X-Call-Id")).contains("again:1:b");
        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 1);
        assertThat(functionPaths()).containsExactly("/b");
    }

    @Test
    void a_callback_of_a_function_to_itself_is_the_next_step_of_its_chain_not_a_duplicate() {
        HttpResponse<String> first = client.send("POST", "/async-function/b", "again", "X-Call-Id", "self:1",
                "X-Callback-Url", callbacks.url("/done"));
        HttpResponse<String> itsCallback = client.send("POST", "/async-function/b", "b's answer", "X-Call-Id", "self:1",
                "X-Function-Name", "b", "X-Callback-Url", callbacks.url("/done"));

        assertThat(first.headers().firstValue("X-Call-Id")).contains("self:1");
        assertThat(itsCallback.headers().firstValue("X-Call-Id")).contains("self:1:b");
        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 2);
        assertThat(functionPaths()).containsExactly("/b", "/b");
    }

    @Test
    void an_id_used_by_another_function_is_a_new_call_and_one_used_by_the_same_function_a_duplicate() {
        assertThat(submit("a", "shared:1").statusCode()).isEqualTo(202);
        assertThat(submit("b", "shared:1").statusCode()).isEqualTo(202);
        assertThat(submit("b", "shared:1").statusCode()).isEqualTo(202);

        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 2);
        assertThat(functionPaths()).containsExactlyInAnyOrder("/a", "/b");
        await().atMost(PATIENCE).untilAsserted(() -> assertSucceeded("shared:1", "a"));
    }

    // --- faas-cli ---

    @Test
    void faas_cli_invoke_calls_a_function_by_its_name_in_the_namespace_and_by_its_plain_name() {
        // sdk.InvokeFunction: /function/<name>.<namespace>, the namespace openfaas-fn when none is given
        HttpResponse<String> answer = client.send("POST", "/function/echo.openfaas-fn", "hello",
                "Content-Type", "text/plain", "User-Agent", FAAS_CLI_INVOKE);
        // proxy.InvokeFunction, faas-cli before 0.16.30: /function/<name>
        HttpResponse<String> older = client.send("POST", "/function/echo?lang=en", "hi",
                "Content-Type", "text/plain", "User-Agent", FAAS_CLI_INVOKE);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("echo after hello");
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(older.body()).isEqualTo("echo after hi");
        assertThat(functions.requests()).extracting(request -> request.uri().toString())
                .containsExactly("/echo", "/echo?lang=en");
        assertThat(client.getJson("/system/function/echo").get("invocationCount").asLong()).isEqualTo(2);
        assertThat(MetricsPage.scrape(client).value("gateway_function_invocation_total", "function_name", "echo",
                "code", "200")).isEqualTo(2.0);
    }

    @Test
    void faas_cli_invoke_async_queues_the_call_and_the_callback_and_status_name_the_plain_function() {
        HttpResponse<String> accepted = client.send("POST", "/async-function/echo.openfaas-fn", "later",
                "Content-Type", "text/plain", "User-Agent", FAAS_CLI_INVOKE, "X-Callback-Url", callbacks.url("/done"));
        HttpResponse<String> older = client.send("POST", "/async-function/echo", "later too",
                "Content-Type", "text/plain", "User-Agent", FAAS_CLI_INVOKE, "X-Callback-Url", callbacks.url("/done"));

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(older.statusCode()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 2);
        assertThat(callbacks.requests()).extracting(request -> request.header("X-Function-Name")).containsOnly("echo");
        String callId = accepted.headers().firstValue("X-Call-Id").orElseThrow();
        await().atMost(PATIENCE).untilAsserted(() -> assertSucceeded(callId, "echo"));
    }

    @Test
    void faas_cli_list_describe_and_version_read_what_openfaas_answers() {
        // proxy.ListFunctions: GET /system/functions, ?namespace= only when one is given
        HttpResponse<String> list = client.send("GET", "/system/functions", null, "User-Agent", FAAS_CLI);
        // proxy.GetFunctionInfo: GET /system/function/<name>?namespace=<ns>&usage=1 (url.Values sorts the query)
        HttpResponse<String> describe = client.send("GET", "/system/function/echo?namespace=openfaas-fn&usage=1", null,
                "User-Agent", FAAS_CLI);
        HttpResponse<String> info = client.send("GET", "/system/info", null, "User-Agent", FAAS_CLI);

        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode echo = InvoqClient.json(list).get(3);
        assertThat(echo.get("name").asText()).isEqualTo("echo");
        assertThat(echo.get("namespace").asText()).isEqualTo("openfaas-fn");
        assertThat(echo.get("replicas").asLong()).isEqualTo(1);
        assertThat(echo.get("invocationCount").asLong()).isZero();
        assertThat(echo.get("annotations").isObject()).isTrue();
        assertThat(describe.statusCode()).isEqualTo(200);
        assertThat(InvoqClient.json(describe)).isEqualTo(echo);
        assertThat(client.send("GET", "/system/function/nothing?usage=1", null).statusCode()).isEqualTo(404);
        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode gateway = InvoqClient.json(info);
        assertThat(gateway.at("/provider/provider").asText()).isEqualTo("invoq");
        assertThat(gateway.at("/provider/version/release").asText()).isNotEmpty();
        assertThat(gateway.at("/version/release").asText()).isEqualTo(gateway.at("/provider/version/release").asText());
        assertThat(gateway.get("arch").asText()).isNotEmpty();
    }

    @Test
    void faas_cli_deploy_updates_or_else_creates_and_remove_deletes_by_function_name() {
        // proxy.deploy: types.FunctionDeployment as Go marshals it; Labels points to a nil map: null
        String deployment = "{\"service\":\"figlet\",\"image\":\"ghcr.io/openfaas/figlet:latest\",\"envProcess\":\"figlet\","
                + "\"labels\":null,\"annotations\":{\"com.invoq.url\":\"" + functions.url("/echo") + "\",\"topic\":\"t\"}}";
        HttpResponse<String> update = client.send("PUT", "/system/functions", deployment,
                "Content-Type", "application/json", "User-Agent", FAAS_CLI);
        HttpResponse<String> create = client.send("POST", "/system/functions", deployment,
                "Content-Type", "application/json", "User-Agent", FAAS_CLI);
        HttpResponse<String> updateAgain = client.send("PUT", "/system/functions", deployment,
                "Content-Type", "application/json", "User-Agent", FAAS_CLI);

        assertThat(update.statusCode()).as("faas-cli creates the function when the update answers 404").isEqualTo(404);
        assertThat(create.statusCode()).isEqualTo(201);
        assertThat(updateAgain.statusCode()).isEqualTo(200);
        JsonNode figlet = client.getJson("/system/function/figlet");
        assertThat(figlet.get("image").asText()).isEqualTo("ghcr.io/openfaas/figlet:latest");
        assertThat(figlet.at("/annotations/topic").asText()).isEqualTo("t");
        assertThat(client.send("POST", "/function/figlet.openfaas-fn", "big", "Content-Type", "text/plain").body())
                .isEqualTo("echo after big");

        // proxy.DeleteFunction: types.DeleteFunctionRequest, namespace omitted when empty
        HttpResponse<String> removed = client.send("DELETE", "/system/functions", "{\"functionName\":\"figlet\"}",
                "Content-Type", "application/json", "User-Agent", FAAS_CLI);
        HttpResponse<String> again = client.send("DELETE", "/system/functions",
                "{\"functionName\":\"figlet\",\"namespace\":\"openfaas-fn\"}", "Content-Type", "application/json");

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).isEqualTo("function 'figlet' is not registered");
    }

    @Test
    void a_deployment_without_a_url_is_registered_at_the_upstream_gateway_invoq_sits_in_front_of() {
        try (RecordingHttpServer upstream = RecordingHttpServer.answering(Response.ok("from upstream"));
             RunningInvoq inFront = startInvoq("--upstream-url=" + upstream.url("/function/{name}.{namespace}"))) {
            InvoqClient front = new InvoqClient(inFront.port());
            HttpResponse<String> created = front.send("POST", "/system/functions",
                    "{\"service\":\"nodeinfo\",\"image\":\"ghcr.io/openfaas/nodeinfo:latest\",\"namespace\":\"openfaas-fn\"}",
                    "Content-Type", "application/json");

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(InvoqClient.json(created).get("url").asText())
                    .isEqualTo(upstream.url("/function/nodeinfo.openfaas-fn"));
            assertThat(front.send("POST", "/function/nodeinfo.openfaas-fn", "x").body()).isEqualTo("from upstream");
        }
        HttpResponse<String> nowhere = client.send("POST", "/system/functions", "{\"service\":\"nodeinfo\",\"image\":\"x\"}",
                "Content-Type", "application/json");
        assertThat(nowhere.statusCode()).isEqualTo(400);
        assertThat(nowhere.body()).contains("needs a url");
    }

    @Test
    void what_invoq_deliberately_does_not_do_is_answered_501_with_the_reason() {
        for (String[] request : List.of(new String[] {"GET", "/system/logs?name=echo&namespace=openfaas-fn"},
                new String[] {"POST", "/system/scale-function/echo"}, new String[] {"GET", "/system/secrets"},
                new String[] {"POST", "/system/secrets"}, new String[] {"POST", "/system/namespace/"})) {
            HttpResponse<String> answer = client.send(request[0], request[1], request[0].equals("GET") ? null : "{}",
                    "Content-Type", "application/json");
            assertThat(answer.statusCode()).as(request[0] + " " + request[1]).isEqualTo(501);
            assertThat(answer.body()).startsWith("invoq queues and invokes functions that run elsewhere; it does not manage");
        }
    }

    // --- names and namespaces ---

    @Test
    void a_name_with_dots_is_found_as_it_is_first_and_another_namespace_is_not_served() {
        assertThat(client.registerFunction("my.fn", functions.url("/echo")).statusCode()).isEqualTo(201);

        assertThat(client.send("POST", "/function/my.fn", "x").body()).isEqualTo("echo after x");
        assertThat(client.send("POST", "/function/my.fn.openfaas-fn", "y").body()).isEqualTo("echo after y");
        HttpResponse<String> elsewhere = client.send("POST", "/function/echo.staging", "z");
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(elsewhere.body()).contains("echo.staging");
        assertThat(client.send("GET", "/system/functions?namespace=staging", null).statusCode()).isEqualTo(404);
        assertThat(client.getJson("/system/namespaces")).isEqualTo(InvoqClient.json("[\"openfaas-fn\"]"));
    }

    // --- connectors ---

    @Test
    void the_connector_sdk_starts_lists_the_functions_of_each_namespace_and_invokes_those_of_its_topic() {
        assertThat(client.registerFunction("on-order", functions.url("/echo"), "{\"topic\":\"orders\"}").statusCode())
                .isEqualTo(201);
        // FunctionLookupBuilder.Build: sdk.GetNamespaces, then sdk.GetFunctions per namespace; the SDK changes
        // the gateway URL it shares, so the next namespace listing carries the last query
        HttpResponse<String> namespaces = client.send("GET", "/system/namespaces", null, "User-Agent", GO_CLIENT);
        HttpResponse<String> listed = client.send("GET", "/system/functions?namespace=openfaas-fn", null,
                "User-Agent", GO_CLIENT);
        HttpResponse<String> rebuilt = client.send("GET", "/system/namespaces?namespace=openfaas-fn", null,
                "User-Agent", GO_CLIENT);

        assertThat(namespaces.statusCode()).isEqualTo(200);
        assertThat(InvoqClient.json(namespaces)).isEqualTo(InvoqClient.json("[\"openfaas-fn\"]"));
        assertThat(rebuilt.body()).isEqualTo(namespaces.body());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(InvoqClient.json(listed).findValuesAsText("name")).contains("on-order");
        JsonNode onOrder = InvoqClient.json(listed).get(4);
        assertThat(onOrder.at("/annotations/topic").asText()).isEqualTo("orders");

        // Invoker.invoke: POST <gateway>/function/<name>.<namespace> (or /async-function/…)
        HttpResponse<String> invoked = client.send("POST", "/function/on-order.openfaas-fn", "{\"id\":1}",
                "Content-Type", "application/json", "X-Connector", "connector-sdk", "X-Topic", "orders");
        HttpResponse<String> queued = client.send("POST", "/async-function/on-order.openfaas-fn", "{\"id\":2}",
                "Content-Type", "application/json", "X-Connector", "connector-sdk", "X-Topic", "orders",
                "X-Callback-Url", callbacks.url("/done"));

        assertThat(invoked.statusCode()).isEqualTo(200);
        assertThat(invoked.body()).isEqualTo("echo after {\"id\":1}");
        assertThat(queued.statusCode()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> callbacks.requests().size() == 1);
        assertThat(functions.requests()).extracting(request -> request.header("X-Topic")).containsOnly("orders");
    }

    @Test
    void the_cron_connector_finds_its_functions_and_queues_them_without_a_body() {
        assertThat(client.registerFunction("nightly", functions.url("/echo"),
                "{\"topic\":\"cron-function\",\"schedule\":\"*/5 * * * *\"}").statusCode()).isEqualTo(201);
        // startFunctionProbe: go-sdk GetNamespaces, then GetFunctions(namespace)
        assertThat(InvoqClient.json(client.send("GET", "/system/namespaces", null, "User-Agent", GO_CLIENT)).get(0).asText())
                .isEqualTo("openfaas-fn");
        JsonNode nightly = InvoqClient.json(client.send("GET", "/system/functions?namespace=openfaas-fn", null))
                .findParents("name").stream().filter(node -> node.get("name").asText().equals("nightly")).findFirst()
                .orElseThrow();
        assertThat(nightly.at("/annotations/schedule").asText()).isEqualTo("*/5 * * * *");

        // CronFunction.InvokeFunction: POST <gateway>/async-function/<name>.<namespace>, a nil body
        HttpResponse<String> queued = client.send("POST", "/async-function/nightly.openfaas-fn", null,
                "X-Topic", "cron-function", "X-Connector", "cron-connector");

        assertThat(queued.statusCode()).isEqualTo(202);
        String callId = queued.headers().firstValue("X-Call-Id").orElseThrow();
        await().atMost(PATIENCE).untilAsserted(() -> assertSucceeded(callId, "nightly"));
        assertThat(functions.requests().get(0).header("X-Connector")).isEqualTo("cron-connector");
    }

    RunningInvoq startInvoq(String... moreFlags) {
        List<String> flags = new ArrayList<>(List.of("--port=0", "--max-inflight=4", "--duplicate-window=1h",
                "--initial-retry-wait=100ms"));
        flags.addAll(brokerFlags());
        flags.addAll(List.of(moreFlags));
        return RunningInvoq.start(InvoqConfig.load(flags.toArray(String[]::new), Map.of()));
    }

    String gateway(String path) {
        return "http://127.0.0.1:" + invoq.port() + path;
    }

    private HttpResponse<String> submit(String function, String callId) {
        return client.send("POST", "/async-function/" + function, "x", "X-Call-Id", callId,
                "X-Callback-Url", callbacks.url("/done"));
    }

    /** What invoq's worker sends to b when a's call with {@code callId} ends. */
    private HttpResponse<String> callbackOfA(String callId) {
        return client.send("POST", "/async-function/b", "a's answer", "X-Call-Id", callId, "X-Function-Name", "a",
                "X-Function-Status", "200", "X-Callback-Url", callbacks.url("/done"));
    }

    private Response answer(Request request) {
        String step = request.uri().getPath().substring(1);
        String next = switch (step) {
            case "a" -> gateway("/async-function/c");
            case "b" -> callbacks.url("/done");
            default -> null;
        };
        String body = step + " after " + request.bodyText();
        return next == null ? Response.ok(body) : Response.ok(body, "X-Callback-Url", next);
    }

    private List<String> functionPaths() {
        return functions.requests().stream().map(request -> request.uri().getPath()).toList();
    }

    private void assertSucceeded(String callId, String function) {
        JsonNode status = client.getJson("/system/calls/" + callId);
        assertThat(status.get("function").asText()).isEqualTo(function);
        assertThat(status.get("state").asText()).isEqualTo("succeeded");
        assertThat(status.get("attempts").asInt()).isEqualTo(1);
    }
}
