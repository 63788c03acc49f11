package io.invoq.adapter.jetstream;

/** A queued message this process cannot turn back into an invocation. */
final class UnreadableMessageException extends RuntimeException {

    private final boolean writtenByNewerVersion;

    UnreadableMessageException(String message, boolean writtenByNewerVersion, Throwable cause) {
        super(message, cause);
        this.writtenByNewerVersion = writtenByNewerVersion;
    }

    /** Whether a newer invoq wrote it, so that an upgraded worker can read it. */
    boolean writtenByNewerVersion() {
        return writtenByNewerVersion;
    }
}
