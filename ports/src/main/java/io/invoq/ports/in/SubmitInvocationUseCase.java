package io.invoq.ports.in;

/** Queues an invocation of a function for a worker to carry out later. */
@FunctionalInterface
public interface SubmitInvocationUseCase {

    /**
     * Returns once the invocation is durably queued.
     *
     * @throws UnknownFunctionException  when a registry is in use and does not know the function
     * @throws io.invoq.ports.out.QueueUnavailableException when the broker cannot store it now
     * @throws io.invoq.ports.out.QueueFullException        when the queue refuses more work
     */
    Submission submit(SubmitInvocationCommand command);
}
