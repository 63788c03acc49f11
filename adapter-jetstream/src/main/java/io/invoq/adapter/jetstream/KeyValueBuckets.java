package io.invoq.adapter.jetstream;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.KeyValueConfiguration;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates key-value buckets that are missing, and brings one that exists to the configuration
 * (see {@link Reconciliation}).
 */
final class KeyValueBuckets {

    private static final Logger LOG = LoggerFactory.getLogger(KeyValueBuckets.class);
    private static final Reconciliation<KeyValueConfiguration, KeyValueConfiguration.Builder> BUCKETS =
            new Reconciliation<>("key-value bucket", KeyValueConfiguration::getDescription,
                    KeyValueConfiguration::builder, KeyValueConfiguration.Builder::build,
                    "re-create it (nats kv del %s, losing what it holds) and restart invoq");

    private KeyValueBuckets() {
    }

    /**
     * @param contents what the bucket holds, for the log
     * @return whether the bucket answers direct gets, which any bucket made by a current client or by invoq does
     */
    static boolean ensure(JetStreamConnection connection, KeyValueConfiguration configuration, String contents,
                          List<FollowedSetting<KeyValueConfiguration, KeyValueConfiguration.Builder>> followed)
            throws IOException, JetStreamApiException {
        JetStreamConnection.Client client = connection.client();
        KeyValueManagement management = client.nats().keyValueManagement(client.keyValueOptions());
        try {
            KeyValueStatus existing = management.getStatus(configuration.getBucketName());
            BUCKETS.reconcile(configuration.getBucketName(), existing.getConfiguration(), configuration, followed,
                    changed -> management.update(changed).getConfiguration());
            return allowsDirectGet(existing);
        } catch (JetStreamApiException e) {
            if (!BrokerFailures.isNotFound(e)) {
                throw e;
            }
            return create(management, configuration, contents);
        }
    }

    private static boolean create(KeyValueManagement management, KeyValueConfiguration configuration, String contents)
            throws IOException, JetStreamApiException {
        try {
            KeyValueStatus created = management.create(configuration);
            LOG.info("created key-value bucket {} for {}", configuration.getBucketName(), contents);
            return allowsDirectGet(created);
        } catch (JetStreamApiException e) {
            // another process created it at the same time, differently: theirs is used as it is
            if (e.getApiErrorCode() != BrokerFailures.STREAM_NAME_IN_USE) {
                throw e;
            }
            return allowsDirectGet(management.getStatus(configuration.getBucketName()));
        }
    }

    private static boolean allowsDirectGet(KeyValueStatus bucket) {
        return bucket.getBackingStreamInfo().getConfiguration().getAllowDirect();
    }
}
