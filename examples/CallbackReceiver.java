import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Prints every callback invoq posts to it: the X-* headers and the body. Other methods just get a
 * 204, so that a script can check it is up.
 * Run it with {@code java examples/CallbackReceiver.java 8082}.
 */
public class CallbackReceiver {
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8082;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                return;
            }
            StringBuilder line = new StringBuilder("callback " + exchange.getRequestURI() + ":");
            exchange.getRequestHeaders().entrySet().stream()
                    .filter(header -> header.getKey().startsWith("X-"))
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(header -> line.append("\n  ").append(header.getKey()).append(": ")
                            .append(String.join(",", header.getValue())));
            line.append("\n  body: ").append(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            System.out.println(line);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        System.out.println("callback receiver listening on http://127.0.0.1:" + port);
    }
}
