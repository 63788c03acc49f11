package io.invoq.adapter.jetstream;

import io.invoq.domain.CallRecord;
import java.util.Optional;

/**
 * A call's record as the calls bucket holds it, and the revision (stream sequence) it holds it at;
 * a write that names this revision succeeds only if nobody wrote the key since.
 *
 * @param record empty when the key holds nothing: never written, expired, deleted or unreadable
 */
record CallRevision(Optional<CallRecord> record, long revision) {

    /** A key never written, or whose entry expired: a write naming revision 0 succeeds only then. */
    static final CallRevision ABSENT = new CallRevision(Optional.empty(), 0);
}
