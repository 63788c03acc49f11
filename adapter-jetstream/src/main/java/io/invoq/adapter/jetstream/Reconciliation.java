package io.invoq.adapter.jetstream;

import io.nats.client.JetStreamApiException;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one kind of broker object (stream, consumer, key-value bucket) to invoq's configuration.
 * One that invoq made carries {@link #MARK} in its description and is updated, one setting at a
 * time, where NATS allows it; a setting NATS refuses to change is logged as an error naming its
 * key and how to apply it. One an operator made is used as it is, with a warning per setting that
 * differs from the configuration.
 *
 * @param kind       e.g. "stream", for the log
 * @param howToApply what an operator does to apply a setting NATS refused, {@code %s} standing for the object
 */
record Reconciliation<C, B>(String kind, Function<C, String> description, Function<C, B> builder,
                            Function<B, C> build, String howToApply) {

    /** The description of every stream, consumer and bucket invoq makes. */
    static final String MARK = "made by invoq, kept to its configuration";
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    /** Applies a configuration to the object, answering its new configuration. */
    @FunctionalInterface
    interface Update<C> {
        C apply(C configuration) throws IOException, JetStreamApiException;
    }

    void reconcile(String name, C current, C desired, List<FollowedSetting<C, B>> followed, Update<C> update)
            throws IOException {
        boolean madeByInvoq = MARK.equals(description.apply(current));
        for (FollowedSetting<C, B> setting : followed) {
            if (!setting.differs(current, desired)) {
                continue;
            }
            String change = setting.name() + " " + setting.valueIn(current) + " where " + setting.key() + " asks for "
                    + setting.valueIn(desired);
            if (!madeByInvoq) {
                LOG.warn("{} {} was not made by invoq and is used as it is: its {}", kind, name, change);
                continue;
            }
            B changed = builder.apply(current);
            setting.copy().accept(changed, desired);
            try {
                current = update.apply(build.apply(changed));
                LOG.info("{} {} follows the configuration: {} {} is now {}", kind, name, setting.key(),
                        setting.name(), setting.valueIn(desired));
            } catch (JetStreamApiException e) {
                LOG.error("{} {} keeps its {}, as NATS refuses to change it ({}); to apply it, {}", kind, name,
                        change, e.getErrorDescription(), String.format(howToApply, name));
            }
        }
    }
}
