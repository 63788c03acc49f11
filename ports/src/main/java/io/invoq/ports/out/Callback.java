package io.invoq.ports.out;

import io.invoq.domain.Headers;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * The result of a call, on its way to the caller's callback URL.
 *
 * @param headers     what the callback carries
 * @param callHeaders the headers the call was submitted with, which tell a sender where in a chain of calls it is
 */
public record Callback(URI url, Headers headers, byte[] body, Headers callHeaders) {

    public Callback {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(callHeaders, "callHeaders");
    }

    /** A callback of a call submitted without headers. */
    public Callback(URI url, Headers headers, byte[] body) {
        this(url, headers, body, Headers.EMPTY);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Callback that
                && url.equals(that.url) && headers.equals(that.headers) && Arrays.equals(body, that.body)
                && callHeaders.equals(that.callHeaders);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, headers, Arrays.hashCode(body), callHeaders);
    }

    @Override
    public String toString() {
        return "Callback[" + url + " body=" + body.length + " bytes]";
    }
}
