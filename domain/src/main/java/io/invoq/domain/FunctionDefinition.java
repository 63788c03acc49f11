package io.invoq.domain;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A function invoq can invoke: where it listens and how it wants to be treated.
 *
 * @param url where to send the invocation; the call's path suffix is appended to it
 */
public record FunctionDefinition(FunctionName name, URI url, Map<String, String> annotations) {

    public static final String QUEUE_ANNOTATION = "com.openfaas.queue";
    public static final String TIMEOUT_ANNOTATION = "com.invoq.timeout";

    public FunctionDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        annotations = Map.copyOf(annotations);
        if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                || url.getHost() == null) {
            throw new IllegalArgumentException("function url must be an absolute http or https URL");
        }
    }

    /** The queue named by {@value #QUEUE_ANNOTATION}, or the given default. */
    public QueueName queue(QueueName fallback) {
        String queue = annotations.get(QUEUE_ANNOTATION);
        return queue == null || queue.isBlank() ? fallback : new QueueName(queue.trim());
    }

    /** The per-attempt timeout named by {@value #TIMEOUT_ANNOTATION}, if set and valid. */
    public Optional<Duration> upstreamTimeout() {
        return Optional.ofNullable(annotations.get(TIMEOUT_ANNOTATION)).map(DurationText::parse);
    }
}
