package io.invoq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoq.domain.CallState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The manual clock: every wait of minutes passes when the test advances it, and only then. */
class ManualClockTest {

    @RegisterExtension
    static final InvoqExtension invoq = InvoqExtension.inMemory()
            .set("initial_retry_wait", "10s")
            .set("max_retry_wait", "2m")
            .function("flaky", request -> request.attempt() < 3
                    ? FunctionResponse.status(503, "not yet")
                    : FunctionResponse.ok("done on attempt " + request.attempt()))
            .build();

    @Test
    void a_function_that_fails_twice_is_retried_after_10_s_then_20_s_and_its_callback_carries_the_third_answer() {
        Instant start = invoq.now();
        String callId = invoq.submit("flaky", "order 1");

        invoq.awaitState(callId, CallState.RETRYING);
        invoq.advance(Duration.ofSeconds(9));
        assertThat(attemptTimes(callId)).containsExactly(start);

        invoq.advance(Duration.ofSeconds(1));
        invoq.awaitState(callId, CallState.RETRYING);
        assertThat(attemptTimes(callId)).containsExactly(start, start.plusSeconds(10));

        invoq.advance(Duration.ofSeconds(20));
        Callback callback = invoq.awaitCallback(callId);
        assertThat(attemptTimes(callId)).containsExactly(start, start.plusSeconds(10), start.plusSeconds(30));
        assertThat(callback.status()).isEqualTo(200);
        assertThat(callback.bodyText()).isEqualTo("done on attempt 3");
        assertThat(callback.header("X-Retry")).isEqualTo("3");
        assertThat(callback.receivedAt()).isEqualTo(start.plusSeconds(30));
        invoq.awaitState(callId, CallState.SUCCEEDED);
    }

    @Test
    void a_ten_attempt_back_off_of_two_minute_waits_runs_in_one_advance_each_attempt_at_its_own_virtual_time() {
        invoq.function("down", request -> FunctionResponse.status(503));
        Instant start = invoq.now();
        long wallStart = System.nanoTime();

        String callId = invoq.submit("down", "", "X-Call-Id", "backoff-1");
        invoq.advance(Duration.ofMinutes(30));

        Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
        // 10 s, 20 s, 40 s, 80 s, then capped at 120 s: 17m30s of waits in all
        assertThat(attemptTimes(callId)).containsExactly(start, start.plusSeconds(10), start.plusSeconds(30),
                start.plusSeconds(70), start.plusSeconds(150), start.plusSeconds(270), start.plusSeconds(390),
                start.plusSeconds(510), start.plusSeconds(630), start.plusSeconds(750));
        Callback callback = invoq.awaitCallback(callId);
        assertThat(callback.status()).isEqualTo(503);
        assertThat(callback.header("X-Retry")).isEqualTo("10");
        assertThat(callback.receivedAt()).isEqualTo(start.plusSeconds(750));
        invoq.awaitState(callId, CallState.DEAD_LETTERED);
        assertThat(invoq.now()).isEqualTo(start.plus(Duration.ofMinutes(30)));
        // the five two-minute waits alone would take 10 minutes of real time
        assertThat(wall).isLessThan(Duration.ofMinutes(2));
        System.out.printf("17m30s of back-off ran in %d ms of wall time%n", wall.toMillis());
    }

    @Test
    void a_deferred_call_starts_at_its_time_and_not_a_moment_before() {
        invoq.function("later", request -> FunctionResponse.ok("on time"));
        Instant start = invoq.now();

        String callId = invoq.submit("later", "", "X-Delay", "5m");
        invoq.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(invoq.requests("later")).isEmpty();
        invoq.awaitState(callId, CallState.QUEUED);

        invoq.advance(Duration.ofMillis(1));
        assertThat(invoq.awaitCallback(callId).receivedAt()).isEqualTo(start.plus(Duration.ofMinutes(5)));
    }

    @Test
    void awaiting_what_has_not_happened_fails_at_once_and_says_when_something_is_due() {
        invoq.function("tomorrow", request -> FunctionResponse.ok(""));
        String callId = invoq.submit("tomorrow", "", "X-Delay", "24h");

        assertThatThrownBy(() -> invoq.awaitCallback(callId)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no callback for call " + callId + " (it is QUEUED)")
                .hasMessageContaining("advance the clock");
        assertThatThrownBy(() -> invoq.awaitState(callId, CallState.SUCCEEDED)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("is QUEUED, not SUCCEEDED");
        invoq.send("DELETE", "/async-function/" + callId, null);
    }

    private static List<Instant> attemptTimes(String callId) {
        return invoq.requests().stream()
                .filter(request -> callId.equals(request.callId())).map(FunctionRequest::receivedAt).toList();
    }
}
