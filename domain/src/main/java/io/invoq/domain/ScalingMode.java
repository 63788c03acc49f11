package io.invoq.domain;

/**
 * How a queue's workers take its calls: {@link #STATIC}, one shared consumer in publish order; or
 * {@link #FUNCTION}, one consumer per function with calls pending, a worker's free slots going round
 * the functions in turn, so that a flood for one function does not hold the others back. Every
 * worker of a queue must use the same mode.
 */
public enum ScalingMode {
    STATIC, FUNCTION;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Why a process in this mode may not consume {@code queue}, whose workers use {@code used}. */
    public String conflictWith(QueueName queue, ScalingMode used) {
        return "queue " + queue + " is consumed with scaling_mode=" + used.label() + " by other workers; this process "
                + "has scaling_mode=" + label() + ": every worker of a queue must use the same mode";
    }
}
