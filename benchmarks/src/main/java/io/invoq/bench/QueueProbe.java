package io.invoq.bench;

import org.HdrHistogram.Histogram;

/**
 * While a backlog builds and drains: asks invoq's {@code GET /system/queues} once a second, timing
 * the answer, and reads invoq's resident memory ({@code VmRSS}), on a thread of its own.
 */
final class QueueProbe implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 1000;

    /** What the probe saw up to a moment. */
    record Reading(LatencySummary queuesLatency, long maxRssBytes, long failedRequests) {
    }

    private final InvoqServer invoq;
    private final Histogram latency = new Histogram(LatencySummary.SIGNIFICANT_DIGITS);
    private final Thread thread;
    private long maxRss;
    private long failed;

    private QueueProbe(InvoqServer invoq) {
        this.invoq = invoq;
        this.thread = new Thread(this::probe, "queue-probe");
        thread.setDaemon(true);
        thread.start();
    }

    static QueueProbe start(InvoqServer invoq) {
        return new QueueProbe(invoq);
    }

    synchronized Reading reading() {
        return new Reading(LatencySummary.of(latency), maxRss, failed);
    }

    private void probe() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long started = System.nanoTime();
                boolean answered = invoq.queuesAnswer();
                long took = System.nanoTime() - started;
                long rss = invoq.rssBytes();
                synchronized (this) {
                    if (answered) {
                        latency.recordValue(took);
                    } else {
                        failed++;
                    }
                    maxRss = Math.max(maxRss, rss);
                }
                Thread.sleep(INTERVAL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
