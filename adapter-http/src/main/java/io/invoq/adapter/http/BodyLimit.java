package io.invoq.adapter.http;

import io.javalin.http.Context;
import java.io.IOException;

/**
 * Reads request bodies up to a limit, never holding more than the limit plus one byte.
 *
 * @param maxBytes at most {@link GatewaySettings#LARGEST_REQUEST_BYTES}
 */
record BodyLimit(long maxBytes) {

    /** @throws PayloadTooLargeException when the body, declared or streamed (chunked), exceeds the limit */
    byte[] read(Context ctx) throws IOException {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        byte[] body = ctx.req().getInputStream().readNBytes((int) maxBytes + 1);
        if (body.length > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        return body;
    }
}
