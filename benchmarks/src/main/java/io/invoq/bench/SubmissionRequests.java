package io.invoq.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * Asynchronous submissions as a caller makes them, encoded for the wire: a JSON body, a
 * callback URL and a unique call id.
 */
final class SubmissionRequests {

    static final byte[] BODY = "{\"benchmark\":\"invoq\",\"payload\":\"0123456789abcdef0123456789abcd\"}"
            .getBytes(StandardCharsets.US_ASCII);

    /** The scale phase's body: 1 KiB of JSON. */
    static final byte[] KIB_BODY = ("{\"benchmark\":\"invoq\",\"payload\":\"" + "x".repeat(1024 - 34) + "\"}")
            .getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress address;
    private final byte[] body;
    private final String head;
    private final IntFunction<String> callIds;

    SubmissionRequests(URI target, URI callback, IntFunction<String> callIds, byte[] body) {
        this.body = body.clone();
        this.address = new InetSocketAddress(target.getHost(), target.getPort());
        this.head = "POST " + target.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + target.getHost() + ":" + target.getPort() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "X-Callback-Url: " + callback + "\r\n"
                + "X-Call-Id: ";
        this.callIds = callIds;
    }

    InetSocketAddress address() {
        return address;
    }

    byte[] request(int sequence) {
        byte[] head = (this.head + callIds.apply(sequence) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }
}
