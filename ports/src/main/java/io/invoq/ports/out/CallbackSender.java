package io.invoq.ports.out;

import java.util.concurrent.CompletableFuture;

/** Posts a callback once. */
@FunctionalInterface
public interface CallbackSender {

    /** Completes with the receiver's HTTP status, or exceptionally when it could not be reached. */
    CompletableFuture<Integer> send(Callback callback);
}
