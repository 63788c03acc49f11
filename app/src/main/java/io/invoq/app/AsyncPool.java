package io.invoq.app;

/**
 * Sizes the JVM's common pool before anything uses it. On a machine with two processors the pool
 * has one thread, and then every completion of an outbound HTTP exchange, two per call,
 * runs on a thread created for it alone; with four or more threads they share the pool.
 */
final class AsyncPool {

    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    private static final int MIN_PARALLELISM = 4;

    private AsyncPool() {
    }

    /** Leaves an operator's own {@code -D} setting alone. */
    static void widen() {
        if (System.getProperty(PARALLELISM) == null) {
            int processors = Runtime.getRuntime().availableProcessors();
            System.setProperty(PARALLELISM, Integer.toString(Math.max(MIN_PARALLELISM, processors)));
        }
    }
}
