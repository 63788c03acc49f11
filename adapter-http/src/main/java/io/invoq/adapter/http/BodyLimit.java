package io.invoq.adapter.http;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies up to a limit, never holding more than the limit plus one byte.
 *
 * <p>A refused body that the client is already sending is read to its end and thrown away, up to
 * {@link #DISCARDED_AT_MOST} bytes: closing the connection on unread bytes makes TCP reset it, and
 * the client would lose the 413 before reading it. A client that sent {@code Expect: 100-continue}
 * is answered without sending anything.
 *
 * <p>A body of a declared length up to {@link #READ_AT_ONCE_AT_MOST} bytes is read into an array of
 * exactly that length; any other is read in chunks, so that a client that declares a large body and
 * sends it slowly, or not at all, holds no more memory than it has sent.
 *
 * @param maxBytes at most {@link GatewaySettings#LARGEST_REQUEST_BYTES}
 */
record BodyLimit(long maxBytes) {

    static final long DISCARDED_AT_MOST = 16L * 1024 * 1024;
    static final long READ_AT_ONCE_AT_MOST = 64L * 1024;

    /**
     * @throws PayloadTooLargeException when the body, declared or streamed (chunked), exceeds the limit
     * @throws BadRequestException when the body ends before its declared length or its chunks are malformed
     */
    byte[] read(Context ctx) {
        try {
            return readWithin(ctx);
        } catch (IOException e) {
            throw new BadRequestException("the request body is cut short or its chunked encoding is malformed");
        }
    }

    private byte[] readWithin(Context ctx) throws IOException {
        HttpServletRequest request = ctx.req();
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            if (!waitsForContinue(request) && declared - maxBytes <= DISCARDED_AT_MOST) {
                discard(request.getInputStream(), declared);
            }
            throw new PayloadTooLargeException(maxBytes);
        }
        if (declared >= 0 && declared <= READ_AT_ONCE_AT_MOST) {
            return readDeclared(request.getInputStream(), (int) declared);
        }
        byte[] body = request.getInputStream().readNBytes((int) maxBytes + 1);
        if (body.length > maxBytes) {
            discard(request.getInputStream(), DISCARDED_AT_MOST);
            throw new PayloadTooLargeException(maxBytes);
        }
        return body;
    }

    private static byte[] readDeclared(InputStream stream, int length) throws IOException {
        byte[] body = new byte[length];
        if (stream.readNBytes(body, 0, length) < length) {
            throw new EOFException("the body ended before its declared length");
        }
        return body;
    }

    private static boolean waitsForContinue(HttpServletRequest request) {
        return "100-continue".equalsIgnoreCase(request.getHeader("Expect"));
    }

    private static void discard(InputStream body, long atMost) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = atMost;
        int read;
        while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            left -= read;
        }
    }
}
