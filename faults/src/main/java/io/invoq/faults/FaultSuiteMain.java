package io.invoq.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault suite: {@code java -jar faults/target/invoq-faults.jar [--short] [--jar app/target/invoq.jar]
 * [--out faults/results]}. Runs invoq against a 3-node JetStream cluster while a nemesis kills and
 * pauses its parts, then against a single node that is killed and restarted, and checks every
 * call; writes a JSON and a Markdown report and exits 1 when a check fails.
 */
public final class FaultSuiteMain {

    private static final String QUEUE = "faults";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path jar;
    private final boolean quick;
    private final Path work;
    private final List<Fault> faults = new ArrayList<>();
    private long newLeaderAt;

    private FaultSuiteMain(Path jar, boolean quick, Path work) {
        this.jar = jar;
        this.quick = quick;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        List<String> given = Arrays.asList(args);
        boolean quick = given.contains("--short");
        Path jar = Path.of(valueOf(given, "--jar", "app/target/invoq.jar"));
        Path out = Path.of(valueOf(given, "--out", "faults/results"));
        if (!Files.isReadable(jar)) {
            System.err.println("invoq-faults: no invoq jar at " + jar + " (build it: mvn -B package -DskipTests)");
            System.exit(2);
        }
        Instant started = Instant.now();
        Path work = Files.createTempDirectory("invoq-faults-");
        FaultSuiteMain suite = new FaultSuiteMain(jar, quick, work);
        List<Verdict> verdicts = List.of(suite.clusterPhase(), suite.singleNodePhase());
        Files.createDirectories(out);
        String name = STAMP.format(started) + (quick ? "-short" : "");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("startedAt", started.toString());
        report.put("profile", quick ? "short" : "full");
        report.put("passed", verdicts.stream().allMatch(Verdict::passed));
        report.put("phases", verdicts);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve(name + ".json").toFile(), report);
        String markdown = FaultReport.markdown(started, quick, verdicts, work);
        Files.writeString(out.resolve(name + ".md"), markdown);
        System.out.println(markdown);
        System.out.println("report: " + out.resolve(name + ".md") + "; process logs: " + work);
        System.exit(verdicts.stream().allMatch(Verdict::passed) ? 0 : 1);
    }

    private Verdict clusterPhase() throws Exception {
        faults.clear();
        Path directory = Files.createDirectories(work.resolve("cluster"));
        try (NatsCluster cluster = NatsCluster.start(3, directory); Recorder recorder = new Recorder()) {
            List<String> flags = flags(cluster, 3);
            InvoqNode gateway = InvoqNode.start("gateway", jar, with(flags, "--mode=gateway"), directory);
            register(gateway, recorder);
            InvoqNode worker1 = InvoqNode.start("worker-1", jar, with(flags, "--mode=worker"), directory);
            InvoqNode worker2 = InvoqNode.start("worker-2", jar, with(flags, "--mode=worker"), directory);
            Submitter submitter = new Submitter(() -> gateway.uri("/async-function/recorded"),
                    recorder.url("/callback"));
            try {
                submitter.start(quick ? 20 : 100);
                int gap = quick ? 5 : 10;
                pause(gap);
                String leader = cluster.leaderOf("OF_" + QUEUE).orElse("n1");
                act("kill -9 the stream's leader " + leader + ", restart it " + gap + " s later", () -> {
                    ChildProcess node = cluster.node(leader);
                    node.kill();
                    awaitNewLeader(cluster, leader);
                    pause(gap);
                    cluster.restart(node);
                });
                pause(gap);
                String paused = cluster.leaderOf("OF_" + QUEUE).orElse("n2");
                act("SIGSTOP the stream's leader " + paused + " for 10 s, then SIGCONT", () -> {
                    ChildProcess node = cluster.node(paused);
                    node.pause();
                    long until = System.currentTimeMillis() + 10_000;
                    awaitNewLeader(cluster, paused);
                    Thread.sleep(Math.max(0, until - System.currentTimeMillis()));
                    node.resume();
                });
                pause(gap);
                act("kill -9 worker-1, restart it 3 s later", () -> {
                    worker1.process().kill();
                    pause(3);
                    worker1.restart();
                });
                pause(gap);
                act("kill -9 the gateway, restart it 2 s later", () -> {
                    gateway.process().kill();
                    pause(2);
                    gateway.restart();
                });
                pause(gap);
                act("kill -9 worker-2 while slow calls run on it, restart it", () -> {
                    for (int i = 0; i < 4; i++) {
                        submitter.nextIsSlow();
                        Thread.sleep(300);
                    }
                    pause(3);
                    worker2.process().kill();
                    pause(2);
                    worker2.restart();
                });
                pause(gap);
            } finally {
                submitter.close();
            }
            awaitDrained(submitter, recorder);
            Verdict verdict = Verdict.of("3-node cluster, R3, gateway and 2 workers", submitter.answers(), recorder,
                    List.copyOf(faults), pending(gateway));
            for (InvoqNode node : List.of(gateway, worker1, worker2)) {
                node.process().stop(Duration.ofSeconds(5));
            }
            return verdict;
        }
    }

    private Verdict singleNodePhase() throws Exception {
        faults.clear();
        Path directory = Files.createDirectories(work.resolve("single"));
        try (NatsCluster server = NatsCluster.start(1, directory); Recorder recorder = new Recorder()) {
            InvoqNode invoq = InvoqNode.start("invoq", jar, flags(server, 1), directory);
            register(invoq, recorder);
            Submitter submitter = new Submitter(() -> invoq.uri("/async-function/recorded"), recorder.url("/callback"));
            try {
                submitter.start(quick ? 20 : 100);
                pause(5);
                act("kill -9 the single file-storage server, restart it 3 s later", () -> {
                    ChildProcess node = server.nodes().get(0);
                    node.kill();
                    pause(3);
                    server.restart(node);
                });
                pause(quick ? 5 : 15);
            } finally {
                submitter.close();
            }
            awaitDrained(submitter, recorder);
            Verdict verdict = Verdict.of("single node, file storage, invoq in all mode", submitter.answers(), recorder,
                    List.copyOf(faults), pending(invoq));
            invoq.process().stop(Duration.ofSeconds(5));
            return verdict;
        }
    }

    private List<String> flags(NatsCluster cluster, int replicas) {
        return List.of("--broker=jetstream", "--nats-url=" + cluster.urls(), "--nats-stream-replicas=" + replicas,
                "--queue-name=" + QUEUE, "--ack-wait=5s", "--initial-retry-wait=1s", "--max-retry-wait=5s",
                "--shutdown-grace=1s", "--max-inflight=16");
    }

    private static List<String> with(List<String> flags, String more) {
        List<String> all = new ArrayList<>(flags);
        all.add(more);
        return all;
    }

    /** Registers the recorded function and waits until a first call is accepted: the cluster has its leaders. */
    private static void register(InvoqNode gateway, Recorder recorder) throws InterruptedException {
        String json = "{\"name\":\"recorded\",\"url\":\"" + recorder.url("/function") + "\"}";
        Loopback.await("the recorded function to be registered", Duration.ofSeconds(60),
                () -> InvoqNode.answers(HttpRequest.newBuilder(gateway.uri("/system/functions"))
                        .POST(BodyPublishers.ofString(json)).build(), 201, 200));
        Loopback.await("a first call to be accepted", Duration.ofSeconds(60),
                () -> InvoqNode.answers(HttpRequest.newBuilder(gateway.uri("/async-function/recorded"))
                        .header("X-Call-Id", "warm-up").POST(BodyPublishers.ofString("quick")).build(), 202));
    }

    /** Waits until every accepted call was invoked and called back, or the limit passes. */
    private void awaitDrained(Submitter submitter, Recorder recorder) throws InterruptedException {
        Duration limit = Duration.ofSeconds(quick ? 60 : 180);
        try {
            Loopback.await("every accepted call to be called back", limit, () -> submitter.answers().values().stream()
                    .filter(answer -> answer.status() == 202)
                    .allMatch(answer -> recorder.callbacks().containsKey(answer.callId())));
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage() + "; checking what there is");
        }
        // late duplicates show up within a lease
        pause(6);
    }

    /** What the gateway says its queue still holds; -1 when it cannot tell. */
    private static long pending(InvoqNode gateway) throws InterruptedException {
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.uri("/system/queues/" + QUEUE))
                    .build(), BodyHandlers.ofString()).body();
            return new ObjectMapper().readTree(body).path("pending").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private void act(String name, Action action) throws Exception {
        long start = System.currentTimeMillis();
        newLeaderAt = 0;
        System.out.println("nemesis: " + name);
        action.run();
        faults.add(new Fault(name, start, System.currentTimeMillis(), newLeaderAt));
    }

    /** Notes when the stream is led by another node than {@code old}, looking for up to 30 s. */
    private void awaitNewLeader(NatsCluster cluster, String old) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (cluster.leaderOf("OF_" + QUEUE).filter(leader -> !leader.equals(old)).isPresent()) {
                newLeaderAt = System.currentTimeMillis();
                System.out.println("nemesis: the stream has a new leader");
                return;
            }
            Thread.sleep(100);
        }
    }

    private static void pause(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }

    private static String valueOf(List<String> args, String flag, String otherwise) {
        int at = args.indexOf(flag);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : otherwise;
    }
}
