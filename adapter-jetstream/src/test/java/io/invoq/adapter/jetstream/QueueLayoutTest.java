package io.invoq.adapter.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.FunctionName;
import io.invoq.domain.QueueName;
import org.junit.jupiter.api.Test;

class QueueLayoutTest {

    private final QueueLayout layout = QueueLayout.of(new QueueName("faas-request"), JetStreamSettings.DEFAULT);

    @Test
    void theDefaultNamesAreThoseOfTheOpenFaasQueueWorker() {
        assertThat(layout.stream()).isEqualTo("OF_faas-request");
        assertThat(layout.durable()).isEqualTo("faas-request-workers");
        assertThat(layout.subjects()).isEqualTo("faas-request.>");
        assertThat(layout.subject(new FunctionName("figlet"))).isEqualTo("faas-request.figlet");
    }

    @Test
    void configuredNamesMayOrMayNotNameTheQueue() {
        JetStreamSettings settings = JetStreamSettings.builder().streamName("jobs-{queue}").durableName("workers").build();

        QueueLayout configured = QueueLayout.of(new QueueName("fast"), settings);

        assertThat(configured.stream()).isEqualTo("jobs-fast");
        assertThat(configured.durable()).isEqualTo("workers");
    }

    @Test
    void callsThatAreNotDueYetWaitInTheirOwnStreamUnderSubjectsNoQueueCanHave() {
        assertThat(layout.delayedStream()).isEqualTo("OF_faas-request_delayed");
        assertThat(layout.delayedSubjects()).isEqualTo("faas-request~delayed.>");
        assertThat(layout.delayedSubject(new FunctionName("figlet"))).isEqualTo("faas-request~delayed.figlet");
    }

    @Test
    void theFunctionIsReadBackFromEitherStreamsSubjects() {
        assertThat(layout.functionOf("faas-request.figlet.openfaas-fn")).contains(new FunctionName("figlet.openfaas-fn"));
        assertThat(layout.functionOf("faas-request~delayed.figlet")).contains(new FunctionName("figlet"));
        assertThat(layout.functionOf("other.figlet")).isEmpty();
    }

    @Test
    void namesThatWouldLeaveAnEmptySubjectTokenAreEscapedReversibly() {
        for (String name : new String[] {".hidden", "trailing.", "a..b", "..", "...x"}) {
            FunctionName function = new FunctionName(name.equals("..") ? "..." : name);
            String subject = layout.subject(function);

            assertThat(subject.substring("faas-request.".length())).doesNotStartWith(".").doesNotEndWith(".").doesNotContain("..");
            assertThat(layout.functionOf(subject)).contains(function);
        }
    }
}
