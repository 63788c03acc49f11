package io.invoq.ports.out;

import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.invoq.domain.ScalingMode;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The broker: a durable queue of invocations per {@link QueueName}, each handed to one worker
 * at a time under a lease.
 */
public interface InvocationQueue extends AutoCloseable {

    /**
     * Stores the invocation; it is durable once this returns. A second invocation with the same
     * call id inside the duplicate window is not stored again.
     *
     * @throws QueueUnavailableException when the broker cannot be reached or did not confirm
     * @throws QueueFullException        when the queue holds as much as it may
     * @throws InvocationTooLargeException when the broker cannot store a message this large
     */
    PublishReceipt publish(Invocation invocation);

    /**
     * Takes up to {@code max} deliveries that are due, waiting up to {@code maxWait} (real time) for
     * the first. An invocation is due from its {@link Invocation#notBefore()} on; holding it back
     * until then is not a delivery. Returns fewer, or none, when no more are due or the queue's
     * in-flight limit is reached.
     *
     * @throws QueueUnavailableException when the broker cannot be reached
     */
    List<Delivery> fetch(QueueName queue, int max, Duration maxWait) throws InterruptedException;

    /**
     * Records that this process's workers take the queue's calls in {@code mode}, which every worker
     * of the queue must share; the broker keeps it for the other processes to see.
     *
     * @throws ScalingModeConflictException when the queue's workers use the other mode
     * @throws QueueUnavailableException    when the broker cannot be reached
     */
    void useScalingMode(QueueName queue, ScalingMode mode);

    /**
     * {@link ScalingMode#FUNCTION}: the functions of the queue that may have calls to start, as soon
     * as there is one, waiting up to {@code maxWait} (real time); empty when there is none by then.
     * A function is listed when calls of it are due or their lease ran out; a broker that cannot tell
     * those from calls in flight lists these too.
     *
     * @throws QueueUnavailableException when the broker cannot be reached
     */
    Set<FunctionName> functionsWithCalls(QueueName queue, Duration maxWait) throws InterruptedException;

    /**
     * {@link ScalingMode#FUNCTION}: takes up to {@code max} due deliveries of one function, in the
     * order they were published, without waiting. The broker holds at most {@code concurrency}
     * unsettled deliveries of the function at once, whoever fetched them ({@code 0}: the queue's
     * in-flight limit).
     *
     * @throws QueueUnavailableException when the broker cannot be reached
     */
    List<Delivery> fetch(QueueName queue, FunctionName function, int max, int concurrency) throws InterruptedException;

    /** Exact counts for the queue as the broker sees them now. */
    QueueStats stats(QueueName queue);

    /** Removes every message of the queue that is not in flight, returning how many. */
    long purge(QueueName queue);

    /** Whether the broker can be reached now. */
    boolean isAvailable();

    /** Closes the connection; safe to call more than once. */
    @Override
    void close();
}
