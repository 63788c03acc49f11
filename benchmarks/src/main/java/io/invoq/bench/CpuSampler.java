package io.invoq.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Samples CPU times once a second from its start, on a thread of its own, so that a phase's first
 * seconds can be told from its later ones. Sample {@code i} is taken {@code i} seconds after the start.
 */
final class CpuSampler implements AutoCloseable {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final List<CpuSample> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private CpuSampler(Supplier<CpuSample> source, long originNanos) {
        samples.add(source.get());
        this.thread = new Thread(() -> {
            try {
                for (int second = 1; ; second++) {
                    long wait = originNanos + second * NANOS_PER_SECOND - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    samples.add(source.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cpu-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts sampling now; {@code originNanos} is the {@link System#nanoTime()} of now. */
    static CpuSampler start(Supplier<CpuSample> source, long originNanos) {
        return new CpuSampler(source, originNanos);
    }

    /** The samples so far, the first at the start. */
    List<CpuSample> samples() {
        return List.copyOf(samples);
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
