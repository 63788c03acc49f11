import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function that answers a script of statuses, one per request, repeating the last: try retries,
 * non-retryable failures and timeouts with it. {@code java examples/ScriptedFunction.java 8083 503,503,200}
 * fails twice, then succeeds; an optional third argument makes every answer take that many seconds.
 */
public class ScriptedFunction {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String[] statuses = args[1].split(",");
        long delayMillis = args.length > 2 ? (long) (Double.parseDouble(args[2]) * 1000) : 0;
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            int call = calls.incrementAndGet();
            int status = Integer.parseInt(statuses[Math.min(call, statuses.length) - 1].trim());
            System.out.printf("%tT call %d: %s %s -> %d%n", System.currentTimeMillis(), call,
                    exchange.getRequestMethod(), exchange.getRequestURI(), status);
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("answer " + call + " with " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("scripted function listening on http://127.0.0.1:" + port + ", answering " + args[1]);
    }
}
