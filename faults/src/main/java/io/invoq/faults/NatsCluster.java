package io.invoq.faults;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.ClusterInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** nats-server nodes with JetStream and file storage on loopback: one alone, or three routed to each other. */
final class NatsCluster implements AutoCloseable {

    private final List<ChildProcess> nodes = new ArrayList<>();
    private final List<Integer> clientPorts = new ArrayList<>();

    private NatsCluster() {
    }

    static NatsCluster start(int size, Path directory) throws InterruptedException {
        NatsCluster cluster = new NatsCluster();
        List<Integer> routePorts = IntStream.range(0, size).mapToObj(i -> Loopback.freePort()).toList();
        String routes = routePorts.stream().map(port -> "nats://" + Loopback.HOST + ":" + port)
                .collect(Collectors.joining(","));
        for (int i = 0; i < size; i++) {
            int port = Loopback.freePort();
            String name = "n" + (i + 1);
            List<String> command = new ArrayList<>(List.of(binary(), "-js", "-a", Loopback.HOST, "-p",
                    Integer.toString(port), "-sd", directory.resolve(name).toString(), "--server_name", name));
            if (size > 1) {
                command.addAll(List.of("--cluster_name", "invoq-faults", "--cluster",
                        "nats://" + Loopback.HOST + ":" + routePorts.get(i), "--routes", routes));
            }
            cluster.nodes.add(new ChildProcess(name, command, directory.resolve(name + ".log")));
            cluster.clientPorts.add(port);
        }
        cluster.nodes.forEach(ChildProcess::start);
        for (int i = 0; i < size; i++) {
            cluster.awaitListening(i);
        }
        return cluster;
    }

    String urls() {
        return clientPorts.stream().map(port -> "nats://" + Loopback.HOST + ":" + port).collect(Collectors.joining(","));
    }

    List<ChildProcess> nodes() {
        return nodes;
    }

    ChildProcess node(String serverName) {
        return nodes.stream().filter(node -> node.name().equals(serverName)).findFirst().orElseThrow();
    }

    void restart(ChildProcess node) throws InterruptedException {
        node.start();
        awaitListening(nodes.indexOf(node));
    }

    /** The server that leads the stream now, if one does. */
    Optional<String> leaderOf(String stream) {
        Options options = new Options.Builder().servers(urls().split(",")).connectionTimeout(Duration.ofSeconds(2))
                .maxReconnects(0).errorListener(new ErrorListener() { }).build();
        try (Connection connection = Nats.connect(options)) {
            ClusterInfo cluster = connection.jetStreamManagement().getStreamInfo(stream).getClusterInfo();
            return Optional.ofNullable(cluster).map(ClusterInfo::getLeader);
        } catch (IOException | JetStreamApiException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (ChildProcess node : nodes) {
            if (node.isAlive()) {
                node.resume();
                node.stop(Duration.ofSeconds(10));
            }
        }
    }

    private void awaitListening(int index) throws InterruptedException {
        int port = clientPorts.get(index);
        Loopback.await("nats-server " + nodes.get(index).name() + " on port " + port, Duration.ofSeconds(30), () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(Loopback.HOST, port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static String binary() {
        for (String candidate : new String[] {"/usr/sbin/nats-server", "/usr/local/bin/nats-server", "/usr/bin/nats-server"}) {
            if (new java.io.File(candidate).canExecute()) {
                return candidate;
            }
        }
        return "nats-server";
    }
}
