package io.invoq.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.invoq.domain.Invocation;
import io.invoq.ports.out.DeadLetter;

/** A dead letter as {@code /system/queues/{queue}/dead-letters} shows it: the call, not its headers nor body. */
record DeadLetterJson(String callId, String function, String method, String path, int attempts, int status,
                      String acceptedAt, String deadLetteredAt,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

    static DeadLetterJson of(DeadLetter letter) {
        Invocation call = letter.invocation();
        return new DeadLetterJson(call.callId().value(), call.function().value(), call.method(), call.path(),
                letter.attempts(), letter.lastStatus(), call.enqueuedAt().toString(),
                letter.deadLetteredAt().toString(), letter.reason().orElse(null));
    }
}
