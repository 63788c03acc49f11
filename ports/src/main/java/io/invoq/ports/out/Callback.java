package io.invoq.ports.out;

import io.invoq.domain.Headers;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/** The result of a call, on its way to the caller's callback URL. */
public record Callback(URI url, Headers headers, byte[] body) {

    public Callback {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Callback that
                && url.equals(that.url) && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "Callback[" + url + " body=" + body.length + " bytes]";
    }
}
