package io.invoq.application;

import io.invoq.domain.LeaseRule;
import io.invoq.ports.out.Delivery;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a delivery's lease alive while its call runs, so that a long call is not handed out twice. */
final class LeaseExtender {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseExtender.class);

    private final ScheduledExecutorService timer;
    private final LeaseRule rule;

    LeaseExtender(ScheduledExecutorService timer, LeaseRule rule) {
        this.timer = timer;
        this.rule = rule;
    }

    /**
     * Extends the lease every {@link LeaseRule#extendEvery()}, running {@code afterEachExtension} each
     * time, until the returned handle is closed.
     */
    Extension keepAlive(Delivery delivery, Runnable afterEachExtension) {
        long every = rule.extendEvery().toNanos();
        ScheduledFuture<?> task = timer.scheduleAtFixedRate(
                () -> extend(delivery, afterEachExtension), every, every, TimeUnit.NANOSECONDS);
        return () -> task.cancel(false);
    }

    private static void extend(Delivery delivery, Runnable afterEachExtension) {
        try {
            delivery.extendLease();
        } catch (RuntimeException e) {
            LOG.warn("could not extend the lease of call {}: {}", delivery.invocation().callId(), e.toString());
        }
        afterEachExtension.run();
    }

    /** A running extension; closing it stops further extensions. */
    @FunctionalInterface
    interface Extension extends AutoCloseable {
        @Override
        void close();
    }
}
