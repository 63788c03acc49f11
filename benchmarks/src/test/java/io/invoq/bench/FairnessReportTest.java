package io.invoq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FairnessReportTest {

    private static final FairnessPlan PLAN = new FairnessPlan(20_000, 10, 3);

    @Test
    void a_fairness_only_run_writes_its_table_with_static_and_function_mode_side_by_side(@TempDir Path directory)
            throws Exception {
        BenchmarkReport report = new BenchmarkReport("2026-12-03T15:00:00Z", "quick", new MachineInfo(2, "0.5", "1.5", "Java 21", "nats 2.9"),
                64, 256, 64, 0, List.of("-Xmx320m"), 64, 1024, List.of(), List.of(), PLAN, List.of(
                        result("static", 812.5), result("function", 3.25)));

        String markdown = MarkdownReport.render(report);
        Path written = ReportFiles.write(report, markdown, directory, "stamp");

        assertThat(markdown).doesNotContain("## Raw baselines").doesNotContain("## Phases")
                .contains("20,000 calls to the 10 ms function")
                .contains("| inmemory | 812.50 / 1625.00 ms | 3.25 / 6.50 ms | 5,000/s | 5,000/s | 4.0 s | 4.0 s | 30 / 30 | 0 | 0 |");
        assertThat(written).hasContent(markdown);
        assertThat(Files.readString(directory.resolve("stamp.json"))).contains("\"scalingMode\" : \"function\"")
                .contains("\"trickleSeconds\" : 3");
    }

    private static FairnessResult result(String mode, double trickleP50Ms) {
        LatencySummary start = new LatencySummary(30, trickleP50Ms, trickleP50Ms * 2, trickleP50Ms * 2, trickleP50Ms * 2);
        return new FairnessResult(Broker.INMEMORY, mode, 20_000, 5_000, 4, 30, start, 0, 0);
    }
}
