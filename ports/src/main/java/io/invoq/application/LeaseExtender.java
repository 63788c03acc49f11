package io.invoq.application;

import io.invoq.domain.LeaseRule;
import io.invoq.ports.out.Delivery;
import io.invoq.ports.out.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a delivery's lease alive while its call runs, so that a long call is not handed out twice. */
public final class LeaseExtender {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseExtender.class);

    private final Scheduler scheduler;
    private final LeaseRule rule;

    public LeaseExtender(Scheduler scheduler, LeaseRule rule) {
        this.scheduler = scheduler;
        this.rule = rule;
    }

    /**
     * Extends the lease every {@link LeaseRule#extendEvery()}, running {@code afterEachExtension} each
     * time, until the returned handle is closed.
     */
    Extension keepAlive(Delivery delivery, Runnable afterEachExtension) {
        KeptLease lease = new KeptLease(delivery, afterEachExtension);
        lease.scheduleNext();
        return lease;
    }

    /** A running extension; closing it stops further extensions. */
    @FunctionalInterface
    interface Extension extends AutoCloseable {
        @Override
        void close();
    }

    private final class KeptLease implements Extension {

        private final Delivery delivery;
        private final Runnable afterEachExtension;
        private volatile boolean closed;
        private volatile Scheduler.Scheduled next;

        KeptLease(Delivery delivery, Runnable afterEachExtension) {
            this.delivery = delivery;
            this.afterEachExtension = afterEachExtension;
        }

        void scheduleNext() {
            next = scheduler.schedule(rule.extendEvery(), this::extend);
            if (closed) {
                next.cancel();
            }
        }

        private void extend() {
            if (closed) {
                return;
            }
            try {
                delivery.extendLease();
            } catch (RuntimeException e) {
                LOG.warn("could not extend the lease of call {}: {}", delivery.invocation().callId(), e.toString());
            }
            afterEachExtension.run();
            scheduleNext();
        }

        @Override
        public void close() {
            closed = true;
            Scheduler.Scheduled scheduled = next;
            if (scheduled != null) {
                scheduled.cancel();
            }
        }
    }
}
