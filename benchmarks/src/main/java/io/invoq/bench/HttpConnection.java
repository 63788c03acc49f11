package io.invoq.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;

/**
 * A non-blocking keep-alive HTTP/1.1 connection, used by one event-loop thread: reads whole
 * messages (bodies are skipped) and writes byte strings, finishing partial writes when the socket
 * is writable again.
 */
final class HttpConnection {

    private static final int INITIAL_BUFFER = 4096;

    private final SocketChannel channel;
    private final SelectionKey key;
    private final Queue<ByteBuffer> output = new ArrayDeque<>();
    private byte[] input = new byte[INITIAL_BUFFER];
    private int start;
    private int end;

    /** Registers the channel for reading, with this connection as the key's attachment. */
    HttpConnection(SocketChannel channel, Selector selector) throws IOException {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        this.channel = channel;
        this.key = channel.register(selector, SelectionKey.OP_READ, this);
    }

    SelectionKey key() {
        return key;
    }

    /** Reads what has arrived. @throws EOFException when the peer has closed the connection */
    void read() throws IOException {
        if (end == input.length) {
            makeRoom();
        }
        int read = channel.read(ByteBuffer.wrap(input, end, input.length - end));
        if (read < 0) {
            throw new EOFException("connection closed by the peer");
        }
        end += read;
    }

    /** The head of the next complete message (body included), or {@code null} when more must arrive. */
    HttpHead nextMessage() {
        int headEnd = HttpHead.endOf(input, start, end);
        if (headEnd < 0) {
            if (end - start > HttpHead.MAX_BYTES) {
                throw new IllegalStateException("an HTTP head longer than " + HttpHead.MAX_BYTES + " bytes");
            }
            return null;
        }
        HttpHead head = HttpHead.parse(input, start, headEnd);
        long messageEnd = (long) headEnd + head.contentLength();
        if (messageEnd > end) {
            return null;
        }
        start = (int) messageEnd;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return head;
    }

    void write(byte[] bytes) throws IOException {
        output.add(ByteBuffer.wrap(bytes));
        flush();
    }

    /** Writes what is pending; asks to be told when the socket can take more, if it cannot take it all now. */
    void flush() throws IOException {
        while (!output.isEmpty()) {
            ByteBuffer next = output.peek();
            channel.write(next);
            if (next.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            output.poll();
        }
        key.interestOps(SelectionKey.OP_READ);
    }

    void close() {
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void makeRoom() {
        if (start > 0) {
            System.arraycopy(input, start, input, 0, end - start);
            end -= start;
            start = 0;
        } else {
            input = Arrays.copyOf(input, input.length * 2);
        }
    }
}
