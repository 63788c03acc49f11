package io.invoq.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * Asynchronous submissions as a caller makes them, encoded for the wire: a 64-byte JSON body, a
 * callback URL and a unique call id.
 */
final class SubmissionRequests {

    static final byte[] BODY = "{\"benchmark\":\"invoq\",\"payload\":\"0123456789abcdef0123456789abcd\"}"
            .getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress address;
    private final String head;
    private final IntFunction<String> callIds;

    SubmissionRequests(URI target, URI callback, IntFunction<String> callIds) {
        this.address = new InetSocketAddress(target.getHost(), target.getPort());
        this.head = "POST " + target.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + target.getHost() + ":" + target.getPort() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + BODY.length + "\r\n"
                + "X-Callback-Url: " + callback + "\r\n"
                + "X-Call-Id: ";
        this.callIds = callIds;
    }

    InetSocketAddress address() {
        return address;
    }

    byte[] request(int sequence) {
        byte[] head = (this.head + callIds.apply(sequence) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + BODY.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(BODY, 0, request, head.length, BODY.length);
        return request;
    }
}
