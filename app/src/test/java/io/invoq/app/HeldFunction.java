package io.invoq.app;

import static org.awaitility.Awaitility.await;

import io.invoq.app.RecordingHttpServer.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A function that holds every request open until it is released, then answers them all 200. */
final class HeldFunction implements AutoCloseable {

    private final CountDownLatch released = new CountDownLatch(1);
    private final RecordingHttpServer server;

    /** @param patience how long a request is held at the most */
    HeldFunction(Duration patience) {
        server = new RecordingHttpServer(request -> {
            await().atMost(patience).until(() -> released.getCount() == 0);
            return Response.ok("done");
        });
    }

    void release() {
        released.countDown();
    }

    String url(String path) {
        return server.url(path);
    }

    List<RecordingHttpServer.Request> requests() {
        return server.requests();
    }

    @Override
    public void close() {
        release();
        server.close();
    }
}
