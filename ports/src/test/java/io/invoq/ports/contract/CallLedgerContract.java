package io.invoq.ports.contract;

import static io.invoq.ports.contract.SampleInvocations.to;
import static io.invoq.ports.contract.SampleInvocations.uniqueQueueName;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.CallChange;
import io.invoq.domain.CallId;
import io.invoq.domain.CallRecord;
import io.invoq.domain.CallState;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.domain.RetryDecision;
import io.invoq.ports.out.CallLedger;
import io.invoq.ports.out.CallLedgerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The call ledger's contract: what every {@link CallLedger} adapter must do. Records are shared by
 * every process, changes of one call never lose one another, and a record is kept for the
 * retention after its last change.
 *
 * <p>An adapter runs it by subclassing it and supplying {@link #newLedger(CallLedgerSettings)}: a
 * ledger over the same store as every other one the test asks for, as another process's would be,
 * and the store's clock, as {@link RetainingStoreContract} says.
 */
public abstract class CallLedgerContract extends RetainingStoreContract {

    private static final int RACERS = 24;

    private final QueueName queue = uniqueQueueName();
    private final ExecutorService racers = Executors.newFixedThreadPool(8);

    /** A ledger over the store every ledger of the test shares, keeping records as {@code settings} say. */
    protected abstract CallLedger newLedger(CallLedgerSettings settings);

    @AfterEach
    void stopRacers() throws InterruptedException {
        racers.shutdownNow();
        racers.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void a_call_never_recorded_is_not_found() {
        assertThat(newLedger(CallLedgerSettings.DEFAULT).find(CallId.generate()).join()).isEmpty();
    }

    @Test
    void a_call_recorded_by_one_process_is_found_by_another_exactly_as_it_was_recorded() {
        Invocation call = to(queue);
        CallLedger gateway = newLedger(CallLedgerSettings.DEFAULT);
        CallLedger worker = newLedger(CallLedgerSettings.DEFAULT);
        Instant endedAt = Instant.parse("2030-01-01T00:00:01.987654321Z");

        gateway.change(call.callId(), CallChange.accepted(call)).join();
        assertThat(worker.find(call.callId()).join()).contains(CallRecord.queued(call));
        worker.change(call.callId(), CallChange.ended(call, RetryDecision.Outcome.EXHAUSTED, 7, 504, endedAt)).join();

        assertThat(gateway.find(call.callId()).join()).contains(new CallRecord(call.callId(), call.function(),
                call.queue(), CallState.DEAD_LETTERED, 7, OptionalInt.of(504), call.enqueuedAt(), endedAt));
    }

    @Test
    void every_change_answers_what_the_ledger_held_before_it_whether_or_not_it_applied() {
        Invocation call = to(queue);
        CallLedger ledger = newLedger(CallLedgerSettings.DEFAULT);
        CallRecord queued = CallRecord.queued(call);
        Instant at = Instant.parse("2030-01-01T00:00:00Z");

        assertThat(ledger.change(call.callId(), CallChange.accepted(call)).join()).isEmpty();
        assertThat(ledger.change(call.callId(), CallChange.accepted(call)).join()).contains(queued);
        assertThat(ledger.change(call.callId(), CallChange.cancelled(at)).join()).contains(queued);
        CallRecord cancelled = ledger.find(call.callId()).join().orElseThrow();
        assertThat(cancelled.state()).isEqualTo(CallState.CANCELLED);

        assertThat(ledger.change(call.callId(), CallChange.attemptStarted(call, 1, at.plusSeconds(1))).join())
                .contains(cancelled);
        assertThat(ledger.find(call.callId()).join()).contains(cancelled);
    }

    @Test
    void a_change_that_does_not_apply_to_an_unknown_call_records_nothing() {
        CallId unknown = CallId.generate();
        CallLedger ledger = newLedger(CallLedgerSettings.DEFAULT);

        assertThat(ledger.change(unknown, CallChange.cancelled(Instant.now())).join()).isEmpty();
        assertThat(ledger.find(unknown).join()).isEmpty();
    }

    @Test
    void changes_of_one_call_made_at_once_by_many_processes_are_applied_one_after_another() {
        Invocation call = to(queue);
        List<CallLedger> processes = List.of(newLedger(CallLedgerSettings.DEFAULT), newLedger(CallLedgerSettings.DEFAULT));
        processes.get(0).change(call.callId(), CallChange.accepted(call)).join();
        Instant at = Instant.parse("2030-01-01T00:00:00Z");

        List<CompletableFuture<Optional<CallRecord>>> starts = IntStream.rangeClosed(1, RACERS)
                .mapToObj(attempt -> CompletableFuture.supplyAsync(() -> processes.get(attempt % 2)
                        .change(call.callId(), CallChange.attemptStarted(call, attempt, at.plusSeconds(attempt))).join(),
                        racers))
                .toList();
        starts.forEach(CompletableFuture::join);

        assertThat(processes.get(1).find(call.callId()).join())
                .hasValueSatisfying(record -> assertThat(record.attempts()).isEqualTo(RACERS));
    }

    @Test
    void a_worker_soon_knows_without_asking_that_a_call_was_not_cancelled() {
        Invocation call = to(queue);
        CallLedger gateway = newLedger(CallLedgerSettings.DEFAULT);
        CallLedger worker = newLedger(CallLedgerSettings.DEFAULT);
        gateway.change(call.callId(), CallChange.accepted(call)).join();

        timing.eventually().until(() -> !worker.mayHaveBeenCancelled(call.callId()));
    }

    @Test
    void a_cancel_made_by_one_process_is_soon_known_to_every_other_without_asking() {
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        Invocation queued = to(queue);
        Invocation running = to(queue);
        CallLedger gateway = newLedger(CallLedgerSettings.DEFAULT);
        CallLedger worker = newLedger(CallLedgerSettings.DEFAULT);
        gateway.change(queued.callId(), CallChange.accepted(queued)).join();
        worker.change(running.callId(), CallChange.attemptStarted(running, 1, at)).join();
        timing.eventually().until(() -> !worker.mayHaveBeenCancelled(running.callId()));

        gateway.change(queued.callId(), CallChange.cancelled(at)).join();
        gateway.change(running.callId(), CallChange.cancelled(at)).join();

        assertThat(gateway.mayHaveBeenCancelled(queued.callId())).isTrue();
        timing.eventually().until(() -> worker.mayHaveBeenCancelled(queued.callId())
                && worker.mayHaveBeenCancelled(running.callId()));
    }

    @Test
    void a_cancel_that_does_not_apply_is_not_taken_for_one() {
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        Invocation ended = to(queue);
        CallLedger gateway = newLedger(CallLedgerSettings.DEFAULT);
        CallLedger worker = newLedger(CallLedgerSettings.DEFAULT);
        worker.change(ended.callId(), CallChange.ended(ended, RetryDecision.Outcome.SUCCEEDED, 1, 200, at)).join();

        gateway.change(ended.callId(), CallChange.cancelled(at.plusSeconds(1))).join();

        timing.eventually().until(() -> !gateway.mayHaveBeenCancelled(ended.callId())
                && !worker.mayHaveBeenCancelled(ended.callId()));
    }

    @Test
    void of_a_cancel_and_an_end_made_at_once_exactly_one_applies() {
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        CallLedger gateway = newLedger(CallLedgerSettings.DEFAULT);
        CallLedger worker = newLedger(CallLedgerSettings.DEFAULT);
        for (int i = 0; i < RACERS; i++) {
            Invocation call = to(queue);
            worker.change(call.callId(), CallChange.attemptStarted(call, 1, at)).join();

            CompletableFuture<Optional<CallRecord>> cancel = CompletableFuture.supplyAsync(
                    () -> gateway.change(call.callId(), CallChange.cancelled(at.plusSeconds(1))).join(), racers);
            CompletableFuture<Optional<CallRecord>> end = CompletableFuture.supplyAsync(() -> worker.change(call.callId(),
                    CallChange.ended(call, RetryDecision.Outcome.SUCCEEDED, 1, 200, at.plusSeconds(1))).join(), racers);

            boolean cancelApplied = !cancel.join().orElseThrow().state().isFinal();
            boolean endApplied = !end.join().orElseThrow().state().isFinal();
            assertThat(cancelApplied).as("exactly one of cancel and end applied").isNotEqualTo(endApplied);
            assertThat(gateway.find(call.callId()).join()).hasValueSatisfying(record -> assertThat(record.state())
                    .isEqualTo(cancelApplied ? CallState.CANCELLED : CallState.SUCCEEDED));
        }
    }

    @Test
    void a_record_is_kept_for_the_retention_after_its_last_change_and_then_forgotten() {
        Duration retention = shortRetention();
        CallLedger ledger = newLedger(new CallLedgerSettings(retention));
        Invocation call = to(queue);
        ledger.change(call.callId(), CallChange.accepted(call)).join();
        timing.waitUntil(now().plus(retention.dividedBy(2)));
        Instant lastChange = now();
        ledger.change(call.callId(), CallChange.attemptStarted(call, 1, lastChange)).join();

        timing.waitUntil(lastChange.plus(retention).minus(deadlineMargin()));
        Optional<CallRecord> kept = ledger.find(call.callId()).join();
        if (now().isBefore(lastChange.plus(retention))) {
            // a test thread stalled past the retention (a loaded machine) cannot tell
            assertThat(kept).as("kept a retention after the last change").isPresent();
        }

        timing.letTimePassUntil(lastChange.plus(retention));
        timing.eventually().until(() -> ledger.find(call.callId()).join().isEmpty());
        assertThat(now()).isAfterOrEqualTo(lastChange.plus(retention));
    }
}
