package io.invoq.faults;

/**
 * What the nemesis did, from when to when (epoch milliseconds), and when the stream had a new
 * leader (0 when the fault did not take its leader away).
 */
record Fault(String name, long startedAt, long endedAt, long newLeaderAt) {

    boolean overlaps(long from, long to) {
        return startedAt <= to && endedAt >= from;
    }
}
