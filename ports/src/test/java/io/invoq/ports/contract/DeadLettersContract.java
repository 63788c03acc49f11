package io.invoq.ports.contract;

import static io.invoq.ports.contract.SampleInvocations.to;
import static io.invoq.ports.contract.SampleInvocations.uniqueQueueName;
import static io.invoq.ports.contract.SampleInvocations.withEveryFieldSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.CallId;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.ports.out.DeadLetter;
import io.invoq.ports.out.DeadLetterSettings;
import io.invoq.ports.out.DeadLetters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dead letters' contract: what every {@link DeadLetters} adapter must do. An adapter runs it by
 * subclassing it and supplying {@link #newDeadLetters(DeadLetterSettings)}, dead letters over the
 * store every one of a test shares, and the store's clock, as {@link RetainingStoreContract} says.
 */
public abstract class DeadLettersContract extends RetainingStoreContract {

    private static final Instant DEAD_AT = Instant.parse("2030-01-01T00:00:00.123456789Z");

    private final QueueName queue = uniqueQueueName();

    /** Dead letters over the store every one of the test shares, kept as {@code settings} say. */
    protected abstract DeadLetters newDeadLetters(DeadLetterSettings settings);

    @Test
    void a_queue_that_never_had_a_dead_letter_has_none() {
        DeadLetters deadLetters = newDeadLetters(DeadLetterSettings.DEFAULT);

        assertThat(deadLetters.list(queue, 10)).isEmpty();
        assertThat(deadLetters.find(queue, CallId.generate())).isEmpty();
        assertThat(deadLetters.remove(queue, CallId.generate())).isFalse();
    }

    @Test
    void dead_letters_are_kept_exactly_as_they_were_added_and_listed_oldest_first_up_to_the_limit() {
        List<DeadLetter> letters = List.of(letter(withEveryFieldSet(queue), 10, 503), letter(to(queue), 1, 400),
                letter(to(queue), 3, 504));
        DeadLetters worker = newDeadLetters(DeadLetterSettings.DEFAULT);
        letters.forEach(worker::add);

        DeadLetters gateway = newDeadLetters(DeadLetterSettings.DEFAULT);
        assertThat(gateway.list(queue, 10)).containsExactlyElementsOf(letters);
        assertThat(gateway.list(queue, 2)).containsExactlyElementsOf(letters.subList(0, 2));
    }

    @Test
    void a_dead_letter_is_found_by_its_call_id_until_it_is_removed() {
        DeadLetters deadLetters = newDeadLetters(DeadLetterSettings.DEFAULT);
        DeadLetter kept = letter(to(queue), 2, 500);
        DeadLetter other = letter(to(queue), 1, 418);
        deadLetters.add(kept);
        deadLetters.add(other);
        CallId call = kept.invocation().callId();

        assertThat(deadLetters.find(queue, call)).contains(kept);
        assertThat(deadLetters.remove(queue, call)).isTrue();

        assertThat(deadLetters.find(queue, call)).isEmpty();
        assertThat(deadLetters.remove(queue, call)).isFalse();
        assertThat(deadLetters.list(queue, 10)).containsExactly(other);
    }

    @Test
    void a_call_dead_lettered_again_replaces_its_earlier_letter() {
        DeadLetters deadLetters = newDeadLetters(DeadLetterSettings.DEFAULT);
        Invocation call = to(queue);
        deadLetters.add(letter(call, 1, 400));
        DeadLetter again = new DeadLetter(call, 4, 503, DEAD_AT.plusSeconds(60));

        deadLetters.add(again);

        assertThat(deadLetters.list(queue, 10)).containsExactly(again);
    }

    @Test
    void each_queue_keeps_its_own_dead_letters() {
        DeadLetters deadLetters = newDeadLetters(DeadLetterSettings.DEFAULT);
        QueueName other = uniqueQueueName();
        DeadLetter ours = letter(to(queue), 1, 400);
        DeadLetter theirs = letter(to(other), 1, 400);
        deadLetters.add(ours);
        deadLetters.add(theirs);

        assertThat(deadLetters.list(queue, 10)).containsExactly(ours);
        assertThat(deadLetters.find(other, ours.invocation().callId())).isEmpty();
        assertThat(deadLetters.remove(other, ours.invocation().callId())).isFalse();
        assertThat(deadLetters.list(other, 10)).containsExactly(theirs);
    }

    @Test
    void a_dead_letter_is_kept_for_the_retention_and_then_forgotten() {
        Duration retention = shortRetention();
        DeadLetters deadLetters = newDeadLetters(new DeadLetterSettings(retention));
        DeadLetter letter = letter(to(queue), 1, 400);
        Instant added = now();
        deadLetters.add(letter);

        timing.waitUntil(added.plus(retention).minus(deadlineMargin()));
        List<DeadLetter> kept = deadLetters.list(queue, 10);
        if (now().isBefore(added.plus(retention))) {
            // a test thread stalled past the retention (a loaded machine) cannot tell
            assertThat(kept).as("kept for the retention").containsExactly(letter);
        }

        timing.letTimePassUntil(added.plus(retention));
        timing.eventually().until(() -> deadLetters.list(queue, 10).isEmpty());
        assertThat(deadLetters.find(queue, letter.invocation().callId())).isEmpty();
        assertThat(now()).isAfterOrEqualTo(added.plus(retention));
    }

    private static DeadLetter letter(Invocation invocation, int attempts, int status) {
        return new DeadLetter(invocation, attempts, status, DEAD_AT);
    }
}
