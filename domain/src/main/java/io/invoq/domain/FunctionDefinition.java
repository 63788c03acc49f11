package io.invoq.domain;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A function invoq can invoke: where it listens and how it wants to be treated, and the labels and
 * image an OpenFaaS deployment gave it, which invoq keeps and shows (it runs no containers). Its annotations are
 * checked and parsed once, here, so a definition invoq holds is one it can use; a class rather than
 * a record for that reason, as a record cannot keep what it derived from its components.
 */
public final class FunctionDefinition {

    public static final String QUEUE_ANNOTATION = FunctionAnnotations.QUEUE.name();
    public static final String TIMEOUT_ANNOTATION = FunctionAnnotations.TIMEOUT.name();
    public static final String MAX_CONCURRENCY_ANNOTATION = FunctionAnnotations.MAX_CONCURRENCY.name();
    public static final String RATE_ANNOTATION = FunctionAnnotations.RATE.name();

    private final FunctionName name;
    private final URI url;
    private final Map<String, String> annotations;
    private final FunctionAnnotations settings;
    private final Map<String, String> labels;
    private final Optional<String> image;

    /**
     * @param url where to send the invocation; the call's path suffix is appended to it
     * @throws IllegalArgumentException when the url is not absolute http(s), or naming an annotation
     *                                  invoq reads but cannot use
     */
    public FunctionDefinition(FunctionName name, URI url, Map<String, String> annotations) {
        this(name, url, annotations, Map.of(), Optional.empty());
    }

    /**
     * @param labels metadata invoq keeps and shows, as OpenFaaS does
     * @param image  the container image, when a deployment named one
     */
    public FunctionDefinition(FunctionName name, URI url, Map<String, String> annotations, Map<String, String> labels,
                              Optional<String> image) {
        this.labels = Map.copyOf(labels);
        this.image = Objects.requireNonNull(image, "image");
        this.name = Objects.requireNonNull(name, "name");
        this.url = Objects.requireNonNull(url, "url");
        this.annotations = Map.copyOf(annotations);
        if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                || url.getHost() == null) {
            throw new IllegalArgumentException("function url must be an absolute http or https URL");
        }
        this.settings = FunctionAnnotations.parse(this.annotations);
    }

    public FunctionName name() {
        return name;
    }

    public URI url() {
        return url;
    }

    /** Every annotation as given, those invoq does not read included. */
    public Map<String, String> annotations() {
        return annotations;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public Optional<String> image() {
        return image;
    }

    /** The annotations invoq reads, parsed. */
    public FunctionAnnotations settings() {
        return settings;
    }

    /** The queue named by {@link FunctionAnnotations#QUEUE}, or the given default. */
    public QueueName queue(QueueName fallback) {
        return settings.get(FunctionAnnotations.QUEUE).orElse(fallback);
    }

    /** The per-attempt timeout named by {@link FunctionAnnotations#TIMEOUT}, if set. */
    public Optional<Duration> upstreamTimeout() {
        return settings.get(FunctionAnnotations.TIMEOUT);
    }

    /**
     * The most calls of this function that may run at once across all workers of its queue, named by
     * {@link FunctionAnnotations#MAX_CONCURRENCY}; empty when unset.
     */
    public OptionalInt maxConcurrency() {
        return settings.get(FunctionAnnotations.MAX_CONCURRENCY).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /**
     * How many calls of this function may start per second, minute or hour across all workers of its
     * queue, named by {@link FunctionAnnotations#RATE}; empty when unset.
     */
    public Optional<Rate> rate() {
        return settings.get(FunctionAnnotations.RATE);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FunctionDefinition that
                && name.equals(that.name) && url.equals(that.url) && annotations.equals(that.annotations)
                && labels.equals(that.labels) && image.equals(that.image);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, url, annotations, labels, image);
    }

    @Override
    public String toString() {
        return "FunctionDefinition[name=" + name + ", url=" + url + ", annotations=" + annotations + ", labels=" + labels
                + ", image=" + image.orElse("") + "]";
    }
}
