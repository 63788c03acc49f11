package io.invoq.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A small HTTP/1.1 server on a free loopback port: one event-loop thread, keep-alive connections,
 * empty responses. Handlers run on the loop and must not block; they may answer later, from any thread.
 */
final class LoopbackHttpServer implements AutoCloseable {

    private static final int ACCEPT_BACKLOG = 1024;

    /** Handles one request; must answer it through the exchange, now or later. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpHead request, Exchange exchange);
    }

    /** One request's answer, to be given exactly once, from any thread. */
    final class Exchange {

        private final HttpConnection connection;

        private Exchange(HttpConnection connection) {
            this.connection = connection;
        }

        /** Answers {@code status} with an empty body. */
        void answer(int status) {
            byte[] response = ("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            if (Thread.currentThread() == loop) {
                write(connection, response);
            } else {
                tasks.add(() -> write(connection, response));
                selector.wakeup();
            }
        }
    }

    private final Map<String, Handler> handlersByPath;
    private final Selector selector;
    private final ServerSocketChannel acceptor;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Thread loop;
    private volatile boolean running = true;

    private LoopbackHttpServer(Map<String, Handler> handlersByPath, String name) throws IOException {
        this.handlersByPath = Map.copyOf(handlersByPath);
        this.selector = Selector.open();
        this.acceptor = ServerSocketChannel.open().bind(Loopback.anyPort(), ACCEPT_BACKLOG);
        acceptor.configureBlocking(false);
        acceptor.register(selector, SelectionKey.OP_ACCEPT);
        this.loop = new Thread(this::run, name);
        loop.setDaemon(true);
    }

    /** @param handlersByPath handlers by exact request path; any other path is answered 404 */
    static LoopbackHttpServer start(String name, Map<String, Handler> handlersByPath) {
        try {
            LoopbackHttpServer server = new LoopbackHttpServer(handlersByPath, name);
            server.loop.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an HTTP server on loopback", e);
        }
    }

    URI uri(String path) {
        int port = ((InetSocketAddress) acceptor.socket().getLocalSocketAddress()).getPort();
        return URI.create("http://" + Loopback.HOST + ":" + port + path);
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(5000);
            acceptor.close();
            selector.close();
        } catch (IOException e) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                selector.select();
                for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isAcceptable()) {
                        accept();
                    } else if (key.isValid()) {
                        serve((HttpConnection) key.attachment(), key);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP server loop failed", e);
        } finally {
            selector.keys().stream()
                    .filter(key -> key.attachment() instanceof HttpConnection)
                    .forEach(key -> ((HttpConnection) key.attachment()).close());
        }
    }

    private void accept() throws IOException {
        for (SocketChannel channel = acceptor.accept(); channel != null; channel = acceptor.accept()) {
            new HttpConnection(channel, selector);
        }
    }

    private void serve(HttpConnection connection, SelectionKey key) {
        try {
            if (key.isWritable()) {
                connection.flush();
            }
            if (key.isReadable()) {
                connection.read();
                for (HttpHead request = connection.nextMessage(); request != null; request = connection.nextMessage()) {
                    handlersByPath.getOrDefault(request.path(), (ignored, exchange) -> exchange.answer(404))
                            .handle(request, new Exchange(connection));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the peer went away or spoke something else than the HTTP/1.1 we serve
            connection.close();
        }
    }

    private static void write(HttpConnection connection, byte[] response) {
        try {
            connection.write(response);
        } catch (IOException e) {
            connection.close();
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 404 -> "Not Found";
            default -> "Status";
        };
    }
}
