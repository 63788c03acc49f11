package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.domain.CallState;
import io.invoq.domain.CallbackFailure;
import io.invoq.domain.FunctionName;
import io.invoq.domain.QueueName;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallRoutesTest {

    private static final Instant ACCEPTED_AT = Instant.parse("2030-01-02T03:04:05.123456789Z");
    private static final Instant UPDATED_AT = Instant.parse("2030-01-02T03:04:35Z");

    private final RunningGateway gateway = RunningGateway.withDefaults();
    private final CallBook calls = gateway.useCases.calls;

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void a_calls_status_is_answered_as_json_with_its_state_attempts_last_status_and_times() {
        calls.write(record("order:42", CallState.RETRYING, 2, OptionalInt.of(503)));

        HttpResponse<String> response = gateway.send(gateway.request("/system/calls/order:42").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("""
                {"callId":"order:42","state":"retrying","function":"resize","queue":"images","attempts":2,"status":503,\
                "acceptedAt":"2030-01-02T03:04:05.123456789Z","updatedAt":"2030-01-02T03:04:35Z"}""");
    }

    @Test
    void a_call_that_failed_in_the_worker_and_whose_callback_was_given_up_on_says_so() {
        calls.write(record("poison", CallState.DEAD_LETTERED, 10, OptionalInt.of(500))
                .because(Optional.of("failed in the worker: java.lang.IllegalStateException: broken"))
                .withCallbackFailure(new CallbackFailure(UPDATED_AT.plusSeconds(31), "callback unreachable: refused")));

        HttpResponse<String> response = gateway.send(gateway.request("/system/calls/poison").GET());

        assertThat(response.body()).isEqualTo("""
                {"callId":"poison","state":"dead-lettered","function":"resize","queue":"images","attempts":10,"status":500,\
                "acceptedAt":"2030-01-02T03:04:05.123456789Z","updatedAt":"2030-01-02T03:04:35Z",\
                "reason":"failed in the worker: java.lang.IllegalStateException: broken",\
                "callback":{"state":"failed","givenUpAt":"2030-01-02T03:05:06Z","reason":"callback unreachable: refused"}}""");
    }

    @Test
    void a_call_not_attempted_yet_has_no_status() {
        calls.write(record("waiting", CallState.QUEUED, 0, OptionalInt.empty()));

        HttpResponse<String> response = gateway.send(gateway.request("/system/calls/waiting").GET());

        assertThat(response.body()).contains("\"state\":\"queued\"", "\"attempts\":0", "\"status\":null");
    }

    @Test
    void an_unknown_call_is_answered_404_both_for_its_status_and_its_cancel() {
        HttpResponse<String> status = gateway.send(gateway.request("/system/calls/nobody").GET());
        HttpResponse<String> cancel = gateway.send(gateway.request("/async-function/nobody").DELETE());

        assertThat(status.statusCode()).isEqualTo(404);
        assertThat(status.body()).isEqualTo("call 'nobody' is not known");
        assertThat(cancel.statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has%20space", "semi;colon", "caf%C3%A9"})
    void a_bad_call_id_is_refused_with_400(String callId) {
        HttpResponse<String> status = gateway.send(gateway.request("/system/calls/" + callId).GET());
        HttpResponse<String> cancel = gateway.send(gateway.request("/async-function/" + callId).DELETE());

        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(status.body()).contains("call id must be 1-128 characters of [-A-Za-z0-9_.:]");
        assertThat(cancel.statusCode()).isEqualTo(400);
    }

    @Test
    void cancelling_a_queued_or_running_call_answers_202_with_its_status_now_cancelled_and_again_202() {
        calls.write(record("queued", CallState.QUEUED, 0, OptionalInt.empty()));
        calls.write(record("running", CallState.RUNNING, 1, OptionalInt.empty()));

        for (String call : List.of("queued", "running", "running")) {
            HttpResponse<String> response = gateway.send(gateway.request("/async-function/" + call).DELETE());

            assertThat(response.statusCode()).as(call).isEqualTo(202);
            assertThat(response.body()).contains("\"state\":\"cancelled\"", "\"updatedAt\":\"2030-01-02T03:05:00Z\"");
        }
        assertThat(calls.status(new CallId("queued"))).hasValueSatisfying(
                record -> assertThat(record.state()).isEqualTo(CallState.CANCELLED));
    }

    @Test
    void cancelling_a_call_that_has_ended_answers_409_with_the_state_it_ended_in() {
        calls.write(record("done", CallState.SUCCEEDED, 1, OptionalInt.of(200)));

        HttpResponse<String> response = gateway.send(gateway.request("/async-function/done").DELETE());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("\"state\":\"succeeded\"", "\"status\":200");
    }

    @Test
    void a_delete_below_a_call_is_not_allowed() {
        assertThat(gateway.send(gateway.request("/async-function/resize/sub/path").DELETE()).statusCode())
                .isEqualTo(405);
    }

    @Test
    void with_the_ledger_down_status_and_cancel_are_answered_503_with_retry_after() {
        calls.takeLedgerDown();

        for (HttpRequest.Builder request : List.of(gateway.request("/system/calls/any").GET(),
                gateway.request("/async-function/any").DELETE())) {
            HttpResponse<String> response = gateway.send(request);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
    }

    private static CallRecord record(String id, CallState state, int attempts, OptionalInt status) {
        return new CallRecord(new CallId(id), new FunctionName("resize"), new QueueName("images"), state, attempts,
                status, ACCEPTED_AT, UPDATED_AT);
    }
}
