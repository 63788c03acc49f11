package io.invoq.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/** Everything in the benchmark listens and connects on 127.0.0.1 only. */
final class Loopback {

    static final String HOST = "127.0.0.1";

    private Loopback() {
    }

    static InetAddress address() {
        try {
            return InetAddress.getByName(HOST);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("no loopback address", e);
        }
    }

    static InetSocketAddress anyPort() {
        return new InetSocketAddress(address(), 0);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, address())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }
}
